using Bunit;
using ConnectUi.Forms;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Forms;

public sealed class FluentValidatorTests : IDisposable
{
    private const string ProviderRefusal = "The provider rejected this name.";

    private readonly BunitContext _context = new();

    public FluentValidatorTests() => _context.AddConnectUiTestServices();

    public void Dispose() => _context.Dispose();

    private static string NameMessages(IRenderedComponent<SignupForm> cut) =>
        cut.Find("[data-testid=name-messages]").TextContent.Trim();

    private static string EmailMessages(IRenderedComponent<SignupForm> cut) =>
        cut.Find("[data-testid=email-messages]").TextContent.Trim();

    private static string Outcome(IRenderedComponent<SignupForm> cut) =>
        cut.Find("[data-testid=outcome]").TextContent.Trim();

    private static Task AddProviderRefusal(IRenderedComponent<SignupForm> cut) =>
        cut.InvokeAsync(() =>
        {
            var form = cut.Instance;
            form.Store.Add(form.EditContext.Field(nameof(SignupModel.Name)), ProviderRefusal);
            form.EditContext.NotifyValidationStateChanged();
        });

    [Fact]
    public void Nothing_is_shown_before_the_person_edits_or_submits()
    {
        var cut = _context.Render<SignupForm>();

        Assert.Equal(string.Empty, NameMessages(cut));
        Assert.Equal(string.Empty, EmailMessages(cut));
    }

    [Fact]
    public void Changing_a_field_validates_only_that_field()
    {
        var cut = _context.Render<SignupForm>();

        cut.Find("#email").Change("not-an-email");

        Assert.Equal(SignupModelValidator.EmailInvalid, EmailMessages(cut));
        Assert.Equal(string.Empty, NameMessages(cut));
    }

    [Fact]
    public void Changing_a_field_leaves_the_other_fields_messages_in_place()
    {
        var cut = _context.Render<SignupForm>();
        cut.Find("form").Submit();

        cut.Find("#name").Change("Ada");

        Assert.Equal(string.Empty, NameMessages(cut));
        Assert.Equal(SignupModelValidator.EmailRequired, EmailMessages(cut));
    }

    [Fact]
    public void Submitting_an_invalid_form_shows_every_message_and_fails_validation()
    {
        var cut = _context.Render<SignupForm>();

        cut.Find("form").Submit();

        Assert.Equal(SignupModelValidator.NameRequired, NameMessages(cut));
        Assert.Equal(SignupModelValidator.EmailRequired, EmailMessages(cut));
        Assert.Equal("Please correct the errors", Outcome(cut));
    }

    [Fact]
    public void Submitting_a_valid_form_passes_validation()
    {
        var cut = _context.Render<SignupForm>();
        cut.Find("#name").Change("Ada");
        cut.Find("#email").Change("ada@example.com");

        cut.Find("form").Submit();

        Assert.Equal("Saved", Outcome(cut));
        Assert.Equal(string.Empty, NameMessages(cut));
        Assert.Equal(string.Empty, EmailMessages(cut));
    }

    [Fact]
    public void Messages_clear_once_the_fields_are_fixed()
    {
        var cut = _context.Render<SignupForm>();
        cut.Find("form").Submit();

        cut.Find("#name").Change("Ada");
        cut.Find("#email").Change("ada@example.com");

        Assert.Equal(string.Empty, NameMessages(cut));
        Assert.Equal(string.Empty, EmailMessages(cut));
        cut.Find("form").Submit();
        Assert.Equal("Saved", Outcome(cut));
    }

    [Fact]
    public async Task A_passed_in_store_receives_the_rule_messages()
    {
        var cut = _context.Render<SignupForm>(p => p.Add(f => f.UseFormStore, true));
        cut.Find("form").Submit();
        Assert.Equal(SignupModelValidator.NameRequired, NameMessages(cut));

        await cut.InvokeAsync(() =>
        {
            cut.Instance.Store.Clear();
            cut.Instance.EditContext.NotifyValidationStateChanged();
        });

        Assert.Equal(string.Empty, NameMessages(cut));
        Assert.Equal(string.Empty, EmailMessages(cut));
    }

    [Fact]
    public async Task A_message_added_to_the_passed_in_store_is_cleared_when_that_field_is_revalidated()
    {
        var cut = _context.Render<SignupForm>(p => p.Add(f => f.UseFormStore, true));
        cut.Find("#name").Change("Ada");
        await AddProviderRefusal(cut);
        Assert.Equal(ProviderRefusal, NameMessages(cut));

        cut.Find("#name").Change("Ada Lovelace");

        Assert.Equal(string.Empty, NameMessages(cut));
    }

    [Fact]
    public async Task A_message_added_to_the_passed_in_store_survives_a_change_to_another_field()
    {
        var cut = _context.Render<SignupForm>(p => p.Add(f => f.UseFormStore, true));
        await AddProviderRefusal(cut);

        cut.Find("#email").Change("ada@example.com");

        Assert.Equal(ProviderRefusal, NameMessages(cut));
    }

    [Fact]
    public void Outside_an_edit_form_it_throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _context.Render<FluentValidator<SignupModel>>(p => p.Add(v => v.Validator, new SignupModelValidator())));

        Assert.Contains("EditForm", error.Message);
    }

    [Fact]
    public void A_validator_of_another_model_throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _context.Render<SignupForm>(p => p.Add(f => f.Validator, new UnrelatedModelValidator())));

        Assert.Contains(nameof(UnrelatedModelValidator), error.Message);
        Assert.Contains(nameof(SignupModel), error.Message);
    }

    [Fact]
    public void Once_removed_it_clears_its_messages_and_stops_validating()
    {
        var cut = _context.Render<SignupForm>();
        cut.Find("form").Submit();
        Assert.Equal(SignupModelValidator.NameRequired, NameMessages(cut));

        cut.Render(p => p.Add(f => f.ShowValidator, false));
        Assert.Equal(string.Empty, NameMessages(cut));

        cut.Find("#email").Change("not-an-email");
        cut.Find("#name").Change(string.Empty);
        cut.Find("form").Submit();

        Assert.Equal(string.Empty, NameMessages(cut));
        Assert.Equal(string.Empty, EmailMessages(cut));
        Assert.Equal("Saved", Outcome(cut));
    }
}
