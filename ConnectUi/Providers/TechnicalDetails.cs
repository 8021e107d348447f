using System.Globalization;
using System.Text;
using ConnectUi.Security.Redaction;

namespace ConnectUi.Providers;

/// <summary>
/// Builds the support-staff line of a <see cref="ConnectProblem"/>: call, HTTP status, provider code and
/// message, elapsed time. Every credential value is blanked out, in case a provider echoes one back.
/// </summary>
public static class TechnicalDetails
{
    public const int MaxProviderMessageLength = 300;
    public const string Redacted = SecretText.Redacted;

    public static string Describe(
        string call,
        CallReply? reply,
        string? providerCode = null,
        string? providerMessage = null,
        string? note = null,
        IEnumerable<string?>? secrets = null)
    {
        var text = new StringBuilder(call);
        if (reply?.StatusCode is { } status)
        {
            text.Append(CultureInfo.InvariantCulture, $"; HTTP {status}");
        }

        if (reply?.Failure is { } failure)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {failure}");
        }

        if (!string.IsNullOrWhiteSpace(providerCode))
        {
            text.Append(CultureInfo.InvariantCulture, $"; code {Shorten(providerCode)}");
        }

        if (!string.IsNullOrWhiteSpace(providerMessage))
        {
            text.Append(CultureInfo.InvariantCulture, $"; message \"{Shorten(providerMessage)}\"");
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            text.Append(CultureInfo.InvariantCulture, $"; {note}");
        }

        if (reply is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {reply.Elapsed.TotalMilliseconds:0} ms");
        }

        return SecretText.Redact(text.ToString(), secrets);
    }

    private static string Shorten(string value)
    {
        var singleLine = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return singleLine.Length <= MaxProviderMessageLength ? singleLine : singleLine[..MaxProviderMessageLength] + "…";
    }
}
