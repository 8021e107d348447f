using System.Text.RegularExpressions;
using FluentValidation;

namespace ConnectUi.Providers.ConnectWisePsa;

public sealed partial class ConnectWisePsaCredentialsValidator : AbstractValidator<ConnectWisePsaCredentials>
{
    public const int MaxSecretLength = 256;

    /// <summary>"2025.123": a four-digit year, a dot and up to three digits.</summary>
    public const int MaxApiVersionLength = 8;

    /// <summary>A GUID (36 characters), with room for braces; anything longer cannot be one.</summary>
    public const int MaxClientIdLength = 64;

    // Messages are read per validation, not at construction: the one validator instance serves every request's UI culture.
    public ConnectWisePsaCredentialsValidator()
    {
        RuleFor(m => m.Hostname)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => ConnectWisePsaStrings.HostnameRequired)
            .Must(h => !h.Contains("://", StringComparison.Ordinal)).WithMessage(_ => ConnectWisePsaStrings.HostnameHasScheme)
            .Must(h => !h.Contains('/') && !h.Contains('\\')).WithMessage(_ => ConnectWisePsaStrings.HostnameHasPath)
            .Must(h => !h.Any(char.IsWhiteSpace)).WithMessage(_ => ConnectWisePsaStrings.HostnameHasSpaces)
            .Must(h => !IsIpLiteral(h)).WithMessage(_ => ConnectWisePsaStrings.HostnameIsIp)
            .Must(h => !HasPort(h)).WithMessage(_ => ConnectWisePsaStrings.HostnameHasPort)
            .Must(HostnameNormalizer.IsValidHostname).WithMessage(_ => ConnectWisePsaStrings.HostnameInvalid);

        RuleFor(m => m.ApiVersion)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => ConnectWisePsaStrings.ApiVersionRequired)
            .Matches(ApiVersionPattern()).WithMessage(_ => ConnectWisePsaStrings.ApiVersionFormat);

        RuleFor(m => m.ClientId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => ConnectWisePsaStrings.ClientIdRequired)
            // Guid.TryParse trims surrounding whitespace, which would let a trailing line break through to the request header.
            .Must(v => v.Length <= MaxClientIdLength && !v.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) && Guid.TryParse(v, out _))
            .WithMessage(_ => ConnectWisePsaStrings.ClientIdFormat);

        RuleFor(m => m.Username)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => ConnectWisePsaStrings.UsernameRequired)
            .MaximumLength(MaxSecretLength).WithMessage(_ => ConnectWisePsaStrings.UsernameTooLong)
            .Must(u => !u.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':')).WithMessage(_ => ConnectWisePsaStrings.UsernameInvalidCharacters)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(_ => ConnectWisePsaStrings.BrokenCharacter)
            .Must(u => u.Contains('+')).WithMessage(_ => ConnectWisePsaStrings.UsernameNeedsPlus)
            .Must(u => !u.StartsWith('+')).WithMessage(_ => ConnectWisePsaStrings.UsernameCompanyMissing)
            .Must(u => !u.EndsWith('+')).WithMessage(_ => ConnectWisePsaStrings.UsernameKeyMissing);

        RuleFor(m => m.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => ConnectWisePsaStrings.PasswordRequired)
            .MaximumLength(MaxSecretLength).WithMessage(_ => ConnectWisePsaStrings.PasswordTooLong)
            .Must(p => !p.Any(char.IsControl)).WithMessage(_ => ConnectWisePsaStrings.PasswordControl)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(_ => ConnectWisePsaStrings.BrokenCharacter);
    }

    private static bool IsIpLiteral(string value)
    {
        // A bracketed IPv6 literal may carry a port after the bracket: [2001:db8::1]:443.
        var close = value.IndexOf(']');
        if (value.StartsWith('[') && close > 0 && System.Net.IPAddress.TryParse(value[1..close], out _))
        {
            return true;
        }

        var host = value.Trim('[', ']');
        var colon = host.LastIndexOf(':');
        if (colon > 0 && host.IndexOf(':') == colon)
        {
            host = host[..colon];
        }

        return System.Net.IPAddress.TryParse(host, out _) && (host.Contains('.') || host.Contains(':'));
    }

    // Only digits after the last colon make a port; "javascript:alert(1)" is simply not a hostname.
    private static bool HasPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon >= 0 && colon < value.Length - 1 && value.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    // [0-9] and \z rather than \d and $: \d matches non-ASCII digits and $ matches before a trailing line break.
    [GeneratedRegex(@"^(19|20)[0-9]{2}\.[0-9]{1,3}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ApiVersionPattern();
}
