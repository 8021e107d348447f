using System.Globalization;

namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>
/// Reduces what people paste into the Hostname field (often a full API URL) to a bare hostname,
/// and says whether a value is a hostname we accept.
/// </summary>
public static class HostnameNormalizer
{
    public const int MaxLength = 253;
    /// <summary>The longest input normalized: a full API URL pasted into the field fits.</summary>
    public const int MaxInputLength = 2048;

    public static NormalizedValue Normalize(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxInputLength || !LooksLikeUrl(trimmed))
        {
            return new NormalizedValue(trimmed);
        }

        var candidate = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.HostNameType != UriHostNameType.Dns
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !uri.IsDefaultPort)
        {
            return new NormalizedValue(trimmed);
        }

        string host;
        try
        {
            host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            // Uri accepts some Unicode hosts (such as "ü-.example.com") that IDN conversion then rejects.
            return new NormalizedValue(trimmed);
        }

        return IsValidHostname(host)
            ? new NormalizedValue(host, string.Format(CultureInfo.CurrentCulture, ConnectWisePsaStrings.HostnameKeptNote, host))
            : new NormalizedValue(trimmed);
    }

    /// <summary>True for a DNS hostname of at least two labels: letters, digits and hyphens, no IP literal.</summary>
    public static bool IsValidHostname(string value)
    {
        if (value.Length is 0 or > MaxLength || value.EndsWith('.'))
        {
            return false;
        }

        var labels = value.Split('.');
        if (labels.Length < 2 || labels.All(l => l.All(char.IsAsciiDigit)))
        {
            return false;
        }

        // The top-level label is never all digits: that rules out IPv4 literals like 10.0.0.1.
        return labels.All(IsValidLabel) && !labels[^1].All(char.IsAsciiDigit);
    }

    private static bool LooksLikeUrl(string value) =>
        value.Contains("://", StringComparison.Ordinal) || value.Contains('/');

    private static bool IsValidLabel(string label) =>
        label.Length is >= 1 and <= 63
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
