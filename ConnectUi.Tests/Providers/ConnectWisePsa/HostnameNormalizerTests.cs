using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Tests.Support;
using CsCheck;

namespace ConnectUi.Tests.Providers.ConnectWisePsa;

public sealed class HostnameNormalizerTests
{
    private const int Samples = 2_000;

    private static void SampleDeterministically(Gen<string> gen, Action<string> assert) => gen.SampleDeterministically(assert, Samples);

    private static bool HostnameIsAccepted(string hostname) =>
        !new ConnectWisePsaCredentialsValidator()
            .Validate(new ConnectWisePsaCredentials { Hostname = hostname })
            .Errors.Any(e => e.PropertyName == nameof(ConnectWisePsaCredentials.Hostname));

    [Theory]
    [InlineData("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/", "api-na.myconnectwise.net")]
    [InlineData("https://api-na.myconnectwise.net", "api-na.myconnectwise.net")]
    [InlineData("api-na.myconnectwise.net/v4_6_release/", "api-na.myconnectwise.net")]
    [InlineData("http://cw.example.com/v4_6_release/apis/3.0/company/companies?conditions=x", "cw.example.com")]
    [InlineData("HTTPS://API-EU.MyConnectWise.net/v4_6_release/apis/3.0", "api-eu.myconnectwise.net")]
    [InlineData("  https://api-au.myconnectwise.net/v4_6_release/apis/3.0/  \n", "api-au.myconnectwise.net")]
    [InlineData("https://cw.example.com./login", "cw.example.com")]
    public void A_pasted_api_address_is_reduced_to_its_hostname_with_a_note(string pasted, string expected)
    {
        var result = HostnameNormalizer.Normalize(pasted);

        Assert.Equal(expected, result.Value);
        Assert.Equal(string.Format(ConnectWisePsaStrings.HostnameKeptNote, expected), result.Note);
        Assert.True(HostnameIsAccepted(result.Value));
    }

    [Theory]
    [InlineData("api-na.myconnectwise.net")]
    [InlineData("cw.example.com")]
    [InlineData("CW.Example.com")]
    public void A_bare_hostname_is_unchanged_without_a_note(string hostname)
    {
        var result = HostnameNormalizer.Normalize(hostname);

        Assert.Equal(hostname, result.Value);
        Assert.Null(result.Note);
    }

    [Theory]
    [InlineData("  api-na.myconnectwise.net  ", "api-na.myconnectwise.net")]
    [InlineData("\tcw.example.com\r\n", "cw.example.com")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    public void Surrounding_whitespace_is_trimmed_without_a_note(string raw, string expected)
    {
        var result = HostnameNormalizer.Normalize(raw);

        Assert.Equal(expected, result.Value);
        Assert.Null(result.Note);
    }

    [Theory]
    [InlineData("https://api-na.myconnectwise.net:8443/v4_6_release/apis/3.0/")]
    [InlineData("api-na.myconnectwise.net:8443/v4_6_release/")]
    [InlineData("http://cw.example.com:443/")]
    [InlineData("https://user:secret@api-na.myconnectwise.net/v4_6_release/")]
    [InlineData("https://user@cw.example.com/")]
    [InlineData("https://10.0.0.1/v4_6_release/apis/3.0/")]
    [InlineData("10.0.0.1/v4_6_release/")]
    [InlineData("https://[::1]/v4_6_release/")]
    [InlineData("https://[2001:db8::1]:443/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("javascript://cw.example.com/%0aalert(1)")]
    [InlineData("ftp://cw.example.com/pub/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://localhost/v4_6_release/")]
    [InlineData("https://cw_psa.example.com/")]
    [InlineData("https://-cw.example.com/")]
    [InlineData("https:///")]
    [InlineData("://")]
    [InlineData("/")]
    [InlineData("not a url/at all")]
    [InlineData("cw.example.com:8443")]
    [InlineData("%%%/???")]
    [InlineData("https://üs-.example/")]
    [InlineData("https://ü-.example.com/")]
    [InlineData("https://-ü.example.com/x")]
    public void Anything_else_is_left_for_the_validator_to_refuse(string raw)
    {
        var result = HostnameNormalizer.Normalize(raw);

        Assert.Equal(raw.Trim(), result.Value);
        Assert.Null(result.Note);
        Assert.False(HostnameIsAccepted(result.Value));
    }

    [Fact]
    public void An_address_longer_than_the_input_limit_is_left_unchanged()
    {
        var raw = "https://cw.example.com/" + new string('a', 100_000);

        var result = HostnameNormalizer.Normalize(raw);

        Assert.Equal(raw, result.Value);
        Assert.Null(result.Note);
    }

    private static readonly Gen<string> AnyChar =
        Gen.Char['\0', '\uffff'].Array[0, 64].Select(chars => new string(chars));

    private static readonly Gen<string> AnyString = Gen.Frequency(
        (40, Gen.String),
        (40, AnyChar),
        (15, Gen.Char['\0', '\uffff'].Array[0, 4_000].Select(chars => new string(chars))),
        (5, Gen.Char['\0', '\uffff'].Array[0, 100_000].Select(chars => new string(chars))));

    private static readonly Gen<string> UrlShaped =
        Gen.Select(
            Gen.OneOf("", " ", "\t", "\n"),
            Gen.OneOf("", "https://", "http://", "HTTPS://", "ftp://", "javascript:", "//", "://", "file:///"),
            Gen.OneOf("", "user:pass@", "user@", "@"),
            Gen.OneOf(
                Gen.OneOf(
                    "api-na.myconnectwise.net", "cw.example.com", "10.0.0.1", "[::1]", "[2001:db8::1]", "localhost",
                    "bücher.example", "xn--bcher-kva.example", "-bad-.com", "a..b", "cw.example.com.", "%41.example.com", ""),
                Gen.String["abcdefghijklmnopqrstuvwxyz0123456789-._~%[]:@/\\?#ü "].Array[1, 4].Select(labels => string.Join('.', labels))),
            Gen.OneOf("", ":443", ":80", ":8443", ":", ":abc", ":99999"),
            Gen.OneOf("", "/", "/v4_6_release/apis/3.0/", "/a b", "?q=1", "#frag", "\\x", "/%00", "/../.."),
            Gen.OneOf("", " ", "\r\n"))
        .Select((lead, scheme, userInfo, host, port, path, trail) => lead + scheme + userInfo + host + port + path + trail);

    private static readonly Gen<string> Hostnames =
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"].Array[1, 63]
            .Select(chars => new string(chars)).Array[2, 5]
            .Select(labels => string.Join('.', labels));

    private static readonly Gen<string> Inputs = Gen.Frequency((1, AnyString), (1, UrlShaped));

    [Fact]
    public void Normalizing_never_throws_and_a_note_always_comes_with_an_accepted_hostname()
    {
        SampleDeterministically(Inputs, raw =>
        {
            var result = HostnameNormalizer.Normalize(raw);

            Assert.NotNull(result.Value);
            if (result.Note is null)
            {
                Assert.Equal(raw.Trim(), result.Value);
            }
            else
            {
                Assert.True(HostnameNormalizer.IsValidHostname(result.Value), result.Value);
                Assert.True(HostnameIsAccepted(result.Value), result.Value);
            }
        });
    }

    [Fact]
    public void Normalizing_twice_equals_normalizing_once()
    {
        SampleDeterministically(Inputs, raw =>
        {
            var once = HostnameNormalizer.Normalize(raw);
            var twice = HostnameNormalizer.Normalize(once.Value);

            Assert.Equal(once.Value, twice.Value);
            Assert.Null(twice.Note);
        });
    }

    [Fact]
    public void A_value_accepted_as_a_hostname_is_never_rewritten()
    {
        SampleDeterministically(Hostnames.Where(HostnameNormalizer.IsValidHostname), hostname =>
        {
            var result = HostnameNormalizer.Normalize(hostname);

            Assert.Equal(hostname, result.Value);
            Assert.Null(result.Note);
        });
    }
}
