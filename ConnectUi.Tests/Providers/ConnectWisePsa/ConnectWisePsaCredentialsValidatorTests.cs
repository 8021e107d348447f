using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Tests.Support;
using static ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaCredentialsValidator;

namespace ConnectUi.Tests.Providers.ConnectWisePsa;

public sealed class ConnectWisePsaCredentialsValidatorTests
{
    private const string ValidClientId = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    private readonly ConnectWisePsaCredentialsValidator _validator = new();

    private static ConnectWisePsaCredentials Valid() => new()
    {
        Hostname = "api-na.myconnectwise.net",
        ApiVersion = "2025.1",
        ClientId = ValidClientId,
        Username = "acme+AbCdEf123456",
        Password = "GhIjKl789012",
    };

    private string? MessageFor(ConnectWisePsaCredentials model, string field)
    {
        var errors = _validator.Validate(model).Errors.Where(e => e.PropertyName == field).ToArray();
        return errors.Length == 0 ? null : Assert.Single(errors).ErrorMessage;
    }

    private string? HostnameMessage(string hostname)
    {
        var model = Valid();
        model.Hostname = hostname;
        return MessageFor(model, nameof(model.Hostname));
    }

    private static string Labels(int count, int labelLength) =>
        string.Join('.', Enumerable.Range(0, count).Select(i => new string((char)('a' + i % 26), labelLength)));

    [Fact]
    public void Valid_credentials_pass()
    {
        Assert.True(_validator.Validate(Valid()).IsValid);
    }

    [Fact]
    public void Errors_are_reported_against_their_own_field_only()
    {
        var model = Valid();
        model.ApiVersion = "2025";

        var error = Assert.Single(_validator.Validate(model).Errors);
        Assert.Equal(nameof(model.ApiVersion), error.PropertyName);
    }

    [Theory]
    [InlineData("api-na.myconnectwise.net")]
    [InlineData("api-eu.myconnectwise.net")]
    [InlineData("api-au.myconnectwise.net")]
    [InlineData("cw.example.com")]
    [InlineData("CW.Example.COM")]
    [InlineData("psa.my-company.co.uk")]
    [InlineData("xn--bcher-kva.example")]
    [InlineData("cw1.example.io")]
    public void Cloud_and_custom_hostnames_are_valid(string hostname)
    {
        Assert.Null(HostnameMessage(hostname));
    }

    [Fact]
    public void Cloud_hostnames_offered_as_suggestions_are_valid()
    {
        Assert.All(ConnectWisePsaProvider.CloudHostnames, h => Assert.Null(HostnameMessage(h)));
    }

    [Fact]
    public void Labels_of_63_characters_and_253_characters_in_total_are_valid()
    {
        var hostname = Labels(3, 63) + "." + new string('d', 61);

        Assert.Equal(253, hostname.Length);
        Assert.Null(HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Hostname_is_required(string hostname)
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameRequired, HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("https://api-na.myconnectwise.net")]
    [InlineData("http://cw.example.com")]
    [InlineData("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/")]
    [InlineData("ftp://cw.example.com")]
    public void Hostname_with_a_scheme_is_refused(string hostname)
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameHasScheme, HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("api-na.myconnectwise.net/v4_6_release/apis/3.0")]
    [InlineData("cw.example.com/")]
    [InlineData("cw.example.com\\path")]
    public void Hostname_with_a_path_is_refused(string hostname)
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameHasPath, HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("cw.example.com:8443")]
    [InlineData("api-na.myconnectwise.net:443")]
    public void Hostname_with_a_port_is_refused(string hostname)
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameHasPort, HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("cw example.com")]
    [InlineData(" cw.example.com")]
    [InlineData("cw.example.com\t")]
    [InlineData("cw.example.com\r\n")]
    [InlineData("cw\u00A0example.com")]
    public void Hostname_with_spaces_is_refused(string hostname)
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameHasSpaces, HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.10:443")]
    [InlineData("127.1")]
    [InlineData("::1")]
    [InlineData("2001:db8::1")]
    [InlineData("[::1]")]
    [InlineData("[2001:db8::1]")]
    [InlineData("[2001:db8::1]:443")]
    public void Hostname_that_is_an_ip_address_is_refused(string hostname)
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameIsIp, HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("cw")]
    [InlineData("-cw.example.com")]
    [InlineData("cw-.example.com")]
    [InlineData("cw.example-.com")]
    [InlineData("cw.example.-com")]
    [InlineData("cw_psa.example.com")]
    [InlineData("bücher.example")]
    [InlineData("cw.exämple.com")]
    [InlineData("cw.example.com.")]
    [InlineData("cw..example.com")]
    [InlineData(".cw.example.com")]
    [InlineData("cw.example.123")]
    [InlineData("\u0001cw.example.com")]
    [InlineData("cw.exa\u0000mple.com")]
    [InlineData("cw.example.com\u007F")]
    [InlineData("user@cw.example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("cw.example.com:")]
    [InlineData("cw.example.com:https")]
    public void Hostname_that_is_not_a_valid_hostname_is_refused(string hostname)
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameInvalid, HostnameMessage(hostname));
    }

    [Fact]
    public void Hostname_with_a_label_longer_than_63_characters_is_refused()
    {
        Assert.Equal(ConnectWisePsaStrings.HostnameInvalid, HostnameMessage(new string('a', 64) + ".example.com"));
    }

    [Fact]
    public void Hostname_longer_than_253_characters_is_refused()
    {
        var hostname = Labels(3, 63) + "." + new string('d', 62);

        Assert.Equal(254, hostname.Length);
        Assert.Equal(ConnectWisePsaStrings.HostnameInvalid, HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("a", nameof(ConnectWisePsaStrings.HostnameInvalid))]
    [InlineData("a.", nameof(ConnectWisePsaStrings.HostnameInvalid))]
    [InlineData("a/", nameof(ConnectWisePsaStrings.HostnameHasPath))]
    [InlineData("a ", nameof(ConnectWisePsaStrings.HostnameHasSpaces))]
    [InlineData("\u0001", nameof(ConnectWisePsaStrings.HostnameInvalid))]
    public void Very_long_hostnames_are_refused(string repeated, string expectedKey)
    {
        var hostname = string.Concat(Enumerable.Repeat(repeated, 100 * 1024 / repeated.Length));

        Assert.Equal(ResourceText.Of<ConnectWisePsaStrings>(expectedKey), HostnameMessage(hostname));
    }

    [Theory]
    [InlineData("2025.1")]
    [InlineData("2019.1")]
    [InlineData("2025.16")]
    [InlineData("1999.100")]
    public void Api_version_of_a_year_and_release_is_valid(string version)
    {
        var model = Valid();
        model.ApiVersion = version;

        Assert.Null(MessageFor(model, nameof(model.ApiVersion)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Api_version_is_required(string version)
    {
        var model = Valid();
        model.ApiVersion = version;

        Assert.Equal(ConnectWisePsaStrings.ApiVersionRequired, MessageFor(model, nameof(model.ApiVersion)));
    }

    [Theory]
    [InlineData("2025")]
    [InlineData("25.1")]
    [InlineData("2025.1.2")]
    [InlineData("v2025.1")]
    [InlineData("2025.")]
    [InlineData("2025,1")]
    [InlineData("1825.1")]
    [InlineData("2025.1000")]
    [InlineData("2025.1 ")]
    [InlineData("2025.1\n")]
    [InlineData("20\uFF12\uFF15.1")]
    [InlineData("2025.\u0661")]
    public void Api_version_in_another_format_is_refused(string version)
    {
        var model = Valid();
        model.ApiVersion = version;

        Assert.Equal(ConnectWisePsaStrings.ApiVersionFormat, MessageFor(model, nameof(model.ApiVersion)));
    }

    [Theory]
    [InlineData(ValidClientId)]
    [InlineData("3FA85F64-5717-4562-B3FC-2C963F66AFA6")]
    public void Client_id_that_is_a_guid_is_valid(string clientId)
    {
        var model = Valid();
        model.ClientId = clientId;

        Assert.Null(MessageFor(model, nameof(model.ClientId)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Client_id_is_required(string clientId)
    {
        var model = Valid();
        model.ClientId = clientId;

        Assert.Equal(ConnectWisePsaStrings.ClientIdRequired, MessageFor(model, nameof(model.ClientId)));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6x")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afg6")]
    [InlineData("3fa85f64 5717 4562 b3fc 2c963f66afa6")]
    [InlineData(ValidClientId + "\n")]
    [InlineData(ValidClientId + "\r\nX-Injected: 1")]
    [InlineData(" " + ValidClientId)]
    public void Client_id_that_is_not_a_guid_is_refused(string clientId)
    {
        var model = Valid();
        model.ClientId = clientId;

        Assert.Equal(ConnectWisePsaStrings.ClientIdFormat, MessageFor(model, nameof(model.ClientId)));
    }

    [Fact]
    public void Very_long_client_id_is_refused()
    {
        var model = Valid();
        model.ClientId = string.Concat(Enumerable.Repeat(ValidClientId, 3000));

        Assert.Equal(ConnectWisePsaStrings.ClientIdFormat, MessageFor(model, nameof(model.ClientId)));
    }

    [Theory]
    [InlineData("acme+AbCdEf123456")]
    [InlineData("acme+integrator")]
    [InlineData("a+b")]
    [InlineData("acme+key+more")]
    public void Username_of_company_id_plus_key_is_valid(string username)
    {
        var model = Valid();
        model.Username = username;

        Assert.Null(MessageFor(model, nameof(model.Username)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Username_is_required(string username)
    {
        var model = Valid();
        model.Username = username;

        Assert.Equal(ConnectWisePsaStrings.UsernameRequired, MessageFor(model, nameof(model.Username)));
    }

    [Theory]
    [InlineData("acmeAbCdEf123456", nameof(ConnectWisePsaStrings.UsernameNeedsPlus))]
    [InlineData("+AbCdEf123456", nameof(ConnectWisePsaStrings.UsernameCompanyMissing))]
    [InlineData("+", nameof(ConnectWisePsaStrings.UsernameCompanyMissing))]
    [InlineData("acme+", nameof(ConnectWisePsaStrings.UsernameKeyMissing))]
    [InlineData("acme +AbCdEf", nameof(ConnectWisePsaStrings.UsernameInvalidCharacters))]
    [InlineData("acme+AbCdEf ", nameof(ConnectWisePsaStrings.UsernameInvalidCharacters))]
    [InlineData("acme+\tAbCdEf", nameof(ConnectWisePsaStrings.UsernameInvalidCharacters))]
    [InlineData("acme:AbCdEf", nameof(ConnectWisePsaStrings.UsernameInvalidCharacters))]
    [InlineData("acme+AbCdEf:secret", nameof(ConnectWisePsaStrings.UsernameInvalidCharacters))]
    [InlineData("acme+AbCd\u0000Ef", nameof(ConnectWisePsaStrings.UsernameInvalidCharacters))]
    public void Username_breaking_a_rule_gets_that_rules_message(string username, string expectedKey)
    {
        var model = Valid();
        model.Username = username;

        Assert.Equal(ResourceText.Of<ConnectWisePsaStrings>(expectedKey), MessageFor(model, nameof(model.Username)));
    }

    [Fact]
    public void Username_longer_than_the_maximum_is_refused()
    {
        var model = Valid();
        model.Username = "acme+" + new string('k', MaxSecretLength);

        Assert.Equal(ConnectWisePsaStrings.UsernameTooLong, MessageFor(model, nameof(model.Username)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Password_is_required(string password)
    {
        var model = Valid();
        model.Password = password;

        Assert.Equal(ConnectWisePsaStrings.PasswordRequired, MessageFor(model, nameof(model.Password)));
    }

    [Fact]
    public void Password_longer_than_the_maximum_is_refused()
    {
        var model = Valid();
        model.Password = new string('p', MaxSecretLength + 1);

        Assert.Equal(ConnectWisePsaStrings.PasswordTooLong, MessageFor(model, nameof(model.Password)));
    }

    [Fact]
    public void Password_at_the_maximum_length_with_spaces_is_valid()
    {
        var model = Valid();
        model.Password = "p a" + new string('p', MaxSecretLength - 3);

        Assert.Null(MessageFor(model, nameof(model.Password)));
    }

    [Theory]
    [InlineData("GhIjKl789012\n")]
    [InlineData("GhIj\u0000Kl")]
    public void Password_with_a_control_character_is_refused(string password)
    {
        var model = Valid();
        model.Password = password;

        Assert.Equal(ConnectWisePsaStrings.PasswordControl, MessageFor(model, nameof(model.Password)));
    }
}
