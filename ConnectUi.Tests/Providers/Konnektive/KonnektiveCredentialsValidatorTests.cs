using ConnectUi.Providers.Konnektive;
using static ConnectUi.Providers.Konnektive.KonnektiveCredentialsValidator;

namespace ConnectUi.Tests.Providers.Konnektive;

public sealed class KonnektiveCredentialsValidatorTests
{
    private readonly KonnektiveCredentialsValidator _validator = new();

    private static KonnektiveCredentials Valid() => new() { ApiLoginId = "acme_api_user", ApiPassword = "S3cret!pass word" };

    private string? MessageFor(KonnektiveCredentials model, string field)
    {
        var errors = _validator.Validate(model).Errors.Where(e => e.PropertyName == field).ToArray();
        return errors.Length == 0 ? null : Assert.Single(errors).ErrorMessage;
    }

    [Fact]
    public void Valid_credentials_pass()
    {
        Assert.True(_validator.Validate(Valid()).IsValid);
    }

    [Fact]
    public void Values_at_the_maximum_length_pass()
    {
        var model = new KonnektiveCredentials { ApiLoginId = new string('a', MaxLength), ApiPassword = new string('p', MaxLength) };

        Assert.True(_validator.Validate(model).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Login_id_is_required(string loginId)
    {
        var model = Valid();
        model.ApiLoginId = loginId;

        Assert.Equal(KonnektiveStrings.LoginIdRequired, MessageFor(model, nameof(model.ApiLoginId)));
    }

    [Fact]
    public void Login_id_longer_than_the_maximum_is_refused()
    {
        var model = Valid();
        model.ApiLoginId = new string('a', MaxLength + 1);

        Assert.Equal(KonnektiveStrings.LoginIdTooLong, MessageFor(model, nameof(model.ApiLoginId)));
    }

    [Theory]
    [InlineData("acme api")]
    [InlineData("acme_api\n")]
    [InlineData("\tacme_api")]
    [InlineData("acme\u00A0api")]
    [InlineData("acme\u0001api")]
    public void Login_id_with_whitespace_or_control_characters_is_refused(string loginId)
    {
        var model = Valid();
        model.ApiLoginId = loginId;

        Assert.Equal(KonnektiveStrings.LoginIdWhitespace, MessageFor(model, nameof(model.ApiLoginId)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Password_is_required(string password)
    {
        var model = Valid();
        model.ApiPassword = password;

        Assert.Equal(KonnektiveStrings.PasswordRequired, MessageFor(model, nameof(model.ApiPassword)));
    }

    [Fact]
    public void Password_longer_than_the_maximum_is_refused()
    {
        var model = Valid();
        model.ApiPassword = new string('p', MaxLength + 1);

        Assert.Equal(KonnektiveStrings.PasswordTooLong, MessageFor(model, nameof(model.ApiPassword)));
    }

    [Theory]
    [InlineData("pass&word")]
    [InlineData("&")]
    [InlineData("password&")]
    public void Password_with_an_ampersand_is_refused(string password)
    {
        var model = Valid();
        model.ApiPassword = password;

        Assert.Equal(KonnektiveStrings.PasswordAmpersand, MessageFor(model, nameof(model.ApiPassword)));
    }

    [Theory]
    [InlineData("pass\u0000word")]
    [InlineData("password\n")]
    [InlineData("pass\u007Fword")]
    public void Password_with_a_control_character_is_refused(string password)
    {
        var model = Valid();
        model.ApiPassword = password;

        Assert.Equal(KonnektiveStrings.PasswordControl, MessageFor(model, nameof(model.ApiPassword)));
    }

    [Fact]
    public void A_field_error_does_not_touch_the_other_field()
    {
        var model = Valid();
        model.ApiPassword = "a&b";

        Assert.Null(MessageFor(model, nameof(model.ApiLoginId)));
    }
}
