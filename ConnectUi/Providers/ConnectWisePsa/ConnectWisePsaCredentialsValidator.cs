using System.Text.RegularExpressions;
using FluentValidation;

namespace ConnectUi.Providers.ConnectWisePsa;

public sealed partial class ConnectWisePsaCredentialsValidator : AbstractValidator<ConnectWisePsaCredentials>
{
    public const int MaxSecretLength = 256;

    public static class Messages
    {
        public const string HostnameRequired = "Enter your ConnectWise PSA hostname, for example api-na.myconnectwise.net.";
        public const string HostnameHasScheme = "Enter the hostname only, without https:// or http://, for example api-na.myconnectwise.net.";
        public const string HostnameHasPath = "Enter the hostname only, without a path such as /v4_6_release/apis/3.0, for example api-na.myconnectwise.net.";
        public const string HostnameHasPort = "Enter the hostname without a port: we always connect over HTTPS on port 443.";
        public const string HostnameHasSpaces = "The hostname cannot contain spaces.";
        public const string HostnameIsIp = "Enter a hostname such as cw.example.com, not an IP address.";
        public const string HostnameInvalid = "This is not a valid hostname. Use letters, digits, hyphens and dots, for example api-na.myconnectwise.net or cw.example.com.";
        public const string ApiVersionRequired = "Enter the API version, for example 2025.1.";
        public const string ApiVersionFormat = "The API version looks like 2025.1: a four-digit year, a dot and a release number.";
        public const string ClientIdRequired = "Enter the Client ID of your integration. It is a GUID from developer.connectwise.com.";
        public const string ClientIdFormat = "The Client ID is a GUID like 3fa85f64-5717-4562-b3fc-2c963f66afa6. Copy it again from the Client ID page.";
        public const string UsernameRequired = "Enter the username: your Company ID, a +, then your public key, for example acme+AbCdEf123456.";
        public const string UsernameNeedsPlus = "Start with your Company ID, then a + and your public key (or integrator username or member ID), for example acme+AbCdEf123456.";
        public const string UsernameCompanyMissing = "Your Company ID is missing before the +. Write it first, for example acme+AbCdEf123456.";
        public const string UsernameKeyMissing = "Your public key (or integrator username or member ID) is missing after the +, for example acme+AbCdEf123456.";
        public const string UsernameInvalidCharacters = "The username cannot contain spaces, colons or control characters.";
        public const string UsernameTooLong = "The username is too long. Check that you pasted only the Company ID, a + and the public key.";
        public const string PasswordRequired = "Enter the password: your private key, integrator password or member hash.";
        public const string PasswordTooLong = "The password is too long. Paste only the private key.";
        public const string PasswordControl = "The password contains an invisible control character. Copy the private key again.";
        public const string BrokenCharacter = "This value contains a broken character (half of an emoji or symbol), usually left by copying. Copy it again.";
    }

    public ConnectWisePsaCredentialsValidator()
    {
        RuleFor(m => m.Hostname)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.HostnameRequired)
            .Must(h => !h.Contains("://", StringComparison.Ordinal)).WithMessage(Messages.HostnameHasScheme)
            .Must(h => !h.Contains('/') && !h.Contains('\\')).WithMessage(Messages.HostnameHasPath)
            .Must(h => !h.Any(char.IsWhiteSpace)).WithMessage(Messages.HostnameHasSpaces)
            .Must(h => !IsIpLiteral(h)).WithMessage(Messages.HostnameIsIp)
            .Must(h => !HasPort(h)).WithMessage(Messages.HostnameHasPort)
            .Must(HostnameNormalizer.IsValidHostname).WithMessage(Messages.HostnameInvalid);

        RuleFor(m => m.ApiVersion)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.ApiVersionRequired)
            .Matches(ApiVersionPattern()).WithMessage(Messages.ApiVersionFormat);

        RuleFor(m => m.ClientId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.ClientIdRequired)
            // Guid.TryParse trims surrounding whitespace, which would let a trailing line break through to the request header.
            .Must(v => v.Length <= 64 && !v.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) && Guid.TryParse(v, out _))
            .WithMessage(Messages.ClientIdFormat);

        RuleFor(m => m.Username)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.UsernameRequired)
            .MaximumLength(MaxSecretLength).WithMessage(Messages.UsernameTooLong)
            .Must(u => !u.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':')).WithMessage(Messages.UsernameInvalidCharacters)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(Messages.BrokenCharacter)
            .Must(u => u.Contains('+')).WithMessage(Messages.UsernameNeedsPlus)
            .Must(u => !u.StartsWith('+')).WithMessage(Messages.UsernameCompanyMissing)
            .Must(u => !u.EndsWith('+')).WithMessage(Messages.UsernameKeyMissing);

        RuleFor(m => m.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Messages.PasswordRequired)
            .MaximumLength(MaxSecretLength).WithMessage(Messages.PasswordTooLong)
            .Must(p => !p.Any(char.IsControl)).WithMessage(Messages.PasswordControl)
            .Must(CredentialText.HasOnlyWholeCharacters).WithMessage(Messages.BrokenCharacter);
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
