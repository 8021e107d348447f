using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;

namespace ConnectUi.Tests.Providers;

public sealed class CredentialModelTests
{
    [Fact]
    public void Fields_start_empty()
    {
        var model = new KonnektiveCredentials();

        Assert.Equal(string.Empty, model.ApiLoginId);
        Assert.Equal(string.Empty, model[nameof(KonnektiveCredentials.ApiPassword)]);
    }

    [Fact]
    public void A_value_set_by_name_is_read_by_property()
    {
        var model = new KonnektiveCredentials();

        model[nameof(KonnektiveCredentials.ApiLoginId)] = "acme_api_user";

        Assert.Equal("acme_api_user", model.ApiLoginId);
    }

    [Fact]
    public void A_value_set_by_property_is_read_by_name()
    {
        var model = new ConnectWisePsaCredentials { Hostname = "cw.example.com" };

        Assert.Equal("cw.example.com", model[nameof(ConnectWisePsaCredentials.Hostname)]);
    }

    [Fact]
    public void Setting_null_stores_an_empty_string()
    {
        var model = new KonnektiveCredentials { ApiLoginId = "acme" };

        model[nameof(KonnektiveCredentials.ApiLoginId)] = null!;

        Assert.Equal(string.Empty, model.ApiLoginId);
    }

    [Theory]
    [InlineData("Password")]
    [InlineData("apiLoginId")]
    [InlineData("")]
    public void An_unknown_field_name_throws_on_read_and_write(string field)
    {
        var model = new KonnektiveCredentials();

        var read = Assert.Throws<ArgumentException>(() => model[field]);
        var write = Assert.Throws<ArgumentException>(() => model[field] = "x");

        Assert.Contains($"'{field}'", read.Message);
        Assert.Equal("field", write.ParamName);
    }

    [Fact]
    public void ToString_names_the_fields_but_never_prints_their_values()
    {
        var model = new ConnectWisePsaCredentials
        {
            Hostname = "secret-host.example.com",
            ApiVersion = "2025.1",
            ClientId = "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            Username = "acme+PublicKey123",
            Password = "PrivateKey456",
        };

        var text = model.ToString();

        Assert.Contains(nameof(ConnectWisePsaCredentials), text);
        Assert.All(model.FieldNames, name => Assert.Contains(name, text));
        Assert.All(model.ToDictionary().Values, value => Assert.DoesNotContain(value, text));
    }

    [Fact]
    public void ToDictionary_copies_every_field_in_form_order()
    {
        var model = new ConnectWisePsaCredentials { Hostname = "cw.example.com", Username = "acme+key" };

        var values = model.ToDictionary();

        Assert.Equal(model.FieldNames, values.Keys);
        Assert.Equal("cw.example.com", values[nameof(ConnectWisePsaCredentials.Hostname)]);
        Assert.Equal("acme+key", values[nameof(ConnectWisePsaCredentials.Username)]);
        Assert.Equal(string.Empty, values[nameof(ConnectWisePsaCredentials.Password)]);
    }

    [Fact]
    public void ToDictionary_is_a_copy_unaffected_by_later_changes()
    {
        var model = new KonnektiveCredentials { ApiLoginId = "before" };
        var values = model.ToDictionary();

        model.ApiLoginId = "after";

        Assert.Equal("before", values[nameof(KonnektiveCredentials.ApiLoginId)]);
    }
}
