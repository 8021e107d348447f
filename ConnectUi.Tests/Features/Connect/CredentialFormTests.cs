using System.Text.Json;
using Bunit;
using ConnectUi.Abuse;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Features.Connect;

public sealed class CredentialFormTests : ComponentTestContext
{
    private const string ValidClientId = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private readonly FakeConnectionService _connections = new();
    private readonly List<string> _requestedSteps = [];
    private readonly List<string> _problemSteps = [];
    private readonly List<ConnectResult> _connected = [];

    private readonly BunitJSModuleInterop _formScript;
    private readonly BunitJSModuleInterop _summaryScript;

    public CredentialFormTests()
    {
        Services.AddSingleton<IConnectionService>(_connections);
        _formScript = JSInterop.SetupModule("./Features/Connect/CredentialForm.razor.js");
        _summaryScript = JSInterop.SetupModule("./Features/Connect/ErrorSummary.razor.js");
    }

    [Fact]
    public void Typing_before_the_first_blur_shows_no_error_and_blur_validates()
    {
        var form = RenderForm(KonnektiveProvider.Definition);

        form.Find("#field-ApiPassword").Input("a");
        form.Find("#field-ApiPassword").Input("a&");
        Assert.Empty(ErrorsOf(form, "ApiPassword"));

        form.Find("#field-ApiPassword").Blur();

        Assert.Equal([KonnektiveStrings.PasswordAmpersand], ErrorsOf(form, "ApiPassword"));
        Assert.Equal("true", form.Find("#field-ApiPassword").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_field_is_described_by_its_help_until_it_has_an_error_and_keeps_mudblazors_outlined_look()
    {
        var form = RenderForm(KonnektiveProvider.Definition);
        var password = form.Find("#field-ApiPassword");
        Assert.Equal("field-ApiPassword-helper-text", password.GetAttribute("aria-describedby"));
        Assert.Equal(KonnektiveStrings.ApiPasswordHelpText, form.Find("#field-ApiPassword-helper-text").TextContent);
        Assert.Equal(KonnektiveStrings.ApiPasswordLabel, form.Find("label[for=field-ApiPassword]").TextContent);
        Assert.Equal("password", password.GetAttribute("type"));
        Assert.True(password.HasAttribute("required"));

        password.Input("a&");
        password.Blur();

        password = form.Find("#field-ApiPassword");
        Assert.Equal("field-ApiPassword-error", password.GetAttribute("aria-describedby"));
        Assert.Equal("true", password.GetAttribute("aria-invalid"));
        Assert.Empty(form.FindAll("#field-ApiPassword-helper-text"));
        Assert.Contains("mud-input-error", form.Find("[data-testid=field-ApiPassword] .mud-input-control").ClassList);
        Assert.Contains("mud-input-error", form.Find("label[for=field-ApiPassword]").ClassList);
        Assert.Equal("a&", password.GetAttribute("value"));
    }

    [Fact]
    public void A_paste_is_validated_at_once()
    {
        var form = RenderForm(KonnektiveProvider.Definition);

        form.Find("#field-ApiPassword").Input("pasted&password");

        Assert.Equal([KonnektiveStrings.PasswordAmpersand], ErrorsOf(form, "ApiPassword"));
    }

    [Fact]
    public void After_the_first_blur_the_field_validates_as_the_person_types()
    {
        var form = RenderForm(KonnektiveProvider.Definition);
        var password = form.Find("#field-ApiPassword");
        password.Blur();
        Assert.Equal([KonnektiveStrings.PasswordRequired], ErrorsOf(form, "ApiPassword"));

        form.Find("#field-ApiPassword").Input("p");
        Assert.Empty(ErrorsOf(form, "ApiPassword"));

        form.Find("#field-ApiPassword").Input("p&");
        Assert.Equal([KonnektiveStrings.PasswordAmpersand], ErrorsOf(form, "ApiPassword"));
    }

    public static TheoryData<string, string, string> ConnectWiseRules => new()
    {
        { "Hostname", "", ConnectWisePsaStrings.HostnameRequired },
        { "Hostname", "api-na.myconnectwise.net:8443", ConnectWisePsaStrings.HostnameHasPort },
        { "Hostname", "10.0.0.5", ConnectWisePsaStrings.HostnameIsIp },
        { "Hostname", "cw", ConnectWisePsaStrings.HostnameInvalid },
        { "ApiVersion", "", ConnectWisePsaStrings.ApiVersionRequired },
        { "ApiVersion", "v2025", ConnectWisePsaStrings.ApiVersionFormat },
        { "ClientId", "", ConnectWisePsaStrings.ClientIdRequired },
        { "ClientId", "not-a-guid", ConnectWisePsaStrings.ClientIdFormat },
        { "Username", "", ConnectWisePsaStrings.UsernameRequired },
        { "Username", "acmeAbCdEf", ConnectWisePsaStrings.UsernameNeedsPlus },
        { "Username", "+AbCdEf", ConnectWisePsaStrings.UsernameCompanyMissing },
        { "Username", "acme+", ConnectWisePsaStrings.UsernameKeyMissing },
        { "Password", "", ConnectWisePsaStrings.PasswordRequired },
    };

    [Theory]
    [MemberData(nameof(ConnectWiseRules))]
    public void Each_ConnectWise_rule_shows_its_message_next_to_its_field(string field, string value, string message)
    {
        var form = RenderForm(ConnectWisePsaProvider.Definition);

        form.Find($"#field-{field}").Input(value);
        form.Find($"#field-{field}").Blur();

        Assert.Equal([message], ErrorsOf(form, field));
    }

    [Theory]
    [InlineData("", nameof(KonnektiveStrings.LoginIdRequired))]
    [InlineData("acme user", nameof(KonnektiveStrings.LoginIdWhitespace))]
    public void Each_Konnektive_login_rule_shows_its_message(string value, string messageKey)
    {
        var form = RenderForm(KonnektiveProvider.Definition);

        form.Find("#field-ApiLoginId").Input(value);
        form.Find("#field-ApiLoginId").Blur();

        Assert.Equal([ResourceText.Of<KonnektiveStrings>(messageKey)], ErrorsOf(form, "ApiLoginId"));
    }

    [Fact]
    public void A_pasted_api_url_is_reduced_to_its_hostname_with_a_visible_note()
    {
        var form = RenderForm(ConnectWisePsaProvider.Definition);

        form.Find("#field-Hostname").Input("https://api-na.myconnectwise.net/v4_6_release/apis/3.0/");

        Assert.Equal("api-na.myconnectwise.net", form.Find("#field-Hostname").GetAttribute("value"));
        Assert.Equal(string.Format(ConnectWisePsaStrings.HostnameKeptNote, "api-na.myconnectwise.net"), form.Find("[data-testid=note-Hostname]").TextContent.Trim());
        Assert.Empty(ErrorsOf(form, "Hostname"));
    }

    [Fact]
    public void Pasted_values_are_trimmed()
    {
        var form = RenderForm(KonnektiveProvider.Definition);

        form.Find("#field-ApiLoginId").Input("  acme_api \n");

        Assert.Equal("acme_api", form.Find("#field-ApiLoginId").GetAttribute("value"));
    }

    [Fact]
    public void The_hostname_field_suggests_the_cloud_hostnames()
    {
        var form = RenderForm(ConnectWisePsaProvider.Definition);

        var listId = form.Find("#field-Hostname").GetAttribute("list");
        var options = form.FindAll($"datalist#{listId} option").Select(o => o.GetAttribute("value"));
        Assert.Equal(ConnectWisePsaProvider.CloudHostnames, options);
    }

    [Fact]
    public void Secret_fields_are_masked_with_a_show_hide_toggle()
    {
        var form = RenderForm(KonnektiveProvider.Definition);
        Assert.Equal("password", form.Find("#field-ApiPassword").GetAttribute("type"));
        Assert.Equal("text", form.Find("#field-ApiLoginId").GetAttribute("type"));

        var label = KonnektiveStrings.ApiPasswordLabel;
        form.Find($"[aria-label='{string.Format(ConnectStrings.ShowValue, label)}']").Click();
        Assert.Equal("text", form.Find("#field-ApiPassword").GetAttribute("type"));

        form.Find($"[aria-label='{string.Format(ConnectStrings.HideValue, label)}']").Click();
        Assert.Equal("password", form.Find("#field-ApiPassword").GetAttribute("type"));
    }

    [Fact]
    public async Task Submitting_with_errors_shows_a_summary_naming_each_field_once_and_focuses_it()
    {
        var form = RenderForm(ConnectWisePsaProvider.Definition);
        form.Find("#field-Hostname").Input("api-eu.myconnectwise.net");

        await form.Find("form").SubmitAsync();

        var summary = form.Find("[data-testid=error-summary]");
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? string.Empty).ToArray();
        Assert.Equal(["#field-ApiVersion", "#field-ClientId", "#field-Username", "#field-Password"], links);
        Assert.Equal(
            [ConnectWisePsaStrings.ApiVersionLabel, ConnectWisePsaStrings.ClientIdLabel, ConnectWisePsaStrings.UsernameLabel, ConnectWisePsaStrings.PasswordLabel],
            summary.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Contains(string.Format(ConnectStrings.ManyProblems, 4), summary.TextContent);
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Contains(_formScript.Invocations, i => i.Identifier == "focusAlert" && (string?)i.Arguments[0] == "error-summary");
        Assert.Empty(_connections.Calls);

        // Each message is written once, under its field, and sits in no live region.
        Assert.Equal([ConnectWisePsaStrings.ClientIdRequired], ErrorsOf(form, "ClientId"));
        Assert.Equal(1, Occurrences(form.Markup, ConnectWisePsaStrings.ClientIdRequired));
        Assert.DoesNotContain(ConnectWisePsaStrings.ClientIdRequired, LiveRegionText(form));

        summary.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "#field-Username").Click();
        Assert.Contains(_summaryScript.Invocations, i => i.Identifier == "focusById" && (string?)i.Arguments[0] == "field-Username");
    }

    [Fact]
    public async Task The_summary_shrinks_as_problems_are_fixed()
    {
        var form = RenderForm(KonnektiveProvider.Definition);
        await form.Find("form").SubmitAsync();
        Assert.Contains(string.Format(ConnectStrings.ManyProblems, 2), form.Find("[data-testid=error-summary]").TextContent);

        form.Find("#field-ApiLoginId").Input("acme_api");

        Assert.Contains(ConnectStrings.OneProblem, form.Find("[data-testid=error-summary]").TextContent);
    }

    [Fact]
    public async Task Submit_calls_the_connection_service_with_the_model_and_cannot_be_doubled()
    {
        _connections.Gate = new TaskCompletionSource();
        var form = RenderForm(ConnectWisePsaProvider.Definition);
        FillConnectWise(form);

        var submit = form.Find("form").SubmitAsync();

        // Still focusable while checking (a disabled button would drop the focus to the page body), but marked unavailable.
        form.WaitForAssertion(() => Assert.Equal("true", form.Find("[data-testid=submit]").GetAttribute("aria-disabled")));
        Assert.False(form.Find("[data-testid=submit]").HasAttribute("disabled"));
        Assert.All(form.FindAll("input"), input => Assert.True(input.HasAttribute("readonly")));
        Assert.All(form.FindAll("input"), input => Assert.False(input.HasAttribute("disabled")));
        Assert.Equal(string.Format(ConnectStrings.CheckingWith, ConnectWisePsaProvider.Definition.DisplayName), form.Find("[data-testid=submit]").TextContent.Trim());
        await form.Find("form").SubmitAsync();
        form.Find("[data-testid=submit]").Click();
        _connections.Gate.SetResult();
        await submit;

        var call = Assert.Single(_connections.Calls);
        Assert.Same(ConnectWisePsaProvider.Definition, call.Request.Provider);
        Assert.Equal("api-na.myconnectwise.net", call.Values["Hostname"]);
        Assert.Equal("2025.1", call.Values["ApiVersion"]);
        Assert.Equal(ValidClientId, call.Values["ClientId"]);
        Assert.Equal("acme+PublicKey1", call.Values["Username"]);
        Assert.Equal("PrivateKey1", call.Values["Password"]);
        Assert.Single(_connected);
        Assert.False(form.Find("[data-testid=submit]").HasAttribute("aria-disabled"));
    }

    [Fact]
    public async Task A_provider_refusal_is_shown_next_to_its_fields_with_the_step_to_revisit_and_keeps_every_value()
    {
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = VerificationOutcome.InvalidCredentials,
            Problem = new ConnectProblem(
                ConnectWisePsaStrings.InvalidCredentials,
                ["Username", "Password"],
                ConnectWisePsaProvider.Steps.ClientIdAndKeys,
                TechnicalDetails: "HTTP 401 UserNotAuthenticated",
                SuggestedValues: new Dictionary<string, string> { ["ApiVersion"] = "2024.2" }),
        };
        var form = RenderForm(ConnectWisePsaProvider.Definition);
        FillConnectWise(form);

        await form.Find("form").SubmitAsync();

        // The message is written once, in the alert; the fields are marked invalid with a short pointer to it.
        var pointer = string.Format(ConnectStrings.FieldRefused, ConnectWisePsaProvider.Definition.DisplayName);
        Assert.Equal([pointer], ErrorsOf(form, "Username"));
        Assert.Equal([pointer], ErrorsOf(form, "Password"));
        Assert.Equal("true", form.Find("#field-Password").GetAttribute("aria-invalid"));
        Assert.Empty(ErrorsOf(form, "Hostname"));
        Assert.Equal(1, Occurrences(form.Markup, ConnectWisePsaStrings.InvalidCredentials));

        // The step is marked, not scrolled to: the focus goes to the alert, which links to the step.
        Assert.Empty(_requestedSteps);
        Assert.Equal([ConnectWisePsaProvider.Steps.ClientIdAndKeys], _problemSteps);
        Assert.Contains(_formScript.Invocations, i => i.Identifier == "focusAlert" && (string?)i.Arguments[0] == "provider-problem");
        var problem = form.Find("[data-testid=provider-problem]");
        Assert.Equal("alert", problem.GetAttribute("role"));
        Assert.Equal("-1", problem.GetAttribute("tabindex"));
        Assert.Single(form.FindAll("[role=alert]"));
        Assert.Equal(
            [ConnectWisePsaStrings.UsernameLabel, ConnectWisePsaStrings.PasswordLabel],
            form.FindAll("[data-testid=problem-fields] a").Select(a => a.TextContent.Trim()));
        form.Find("[data-testid=problem-fields] a[href='#field-Password']").Click();
        Assert.Contains(_formScript.Invocations, i => i.Identifier == "focusById" && (string?)i.Arguments[0] == "field-Password");
        form.Find("[data-testid=problem-step-link]").Click();
        Assert.Equal([ConnectWisePsaProvider.Steps.ClientIdAndKeys], _requestedSteps);
        var step = ConnectWisePsaProvider.Definition.FindStep(ConnectWisePsaProvider.Steps.ClientIdAndKeys)!;
        Assert.Contains(string.Format(ConnectStrings.RevisitStep, 2, step.Title), problem.TextContent);
        Assert.Contains("HTTP 401 UserNotAuthenticated", form.Find("[data-testid=technical-details]").TextContent);
        Assert.Equal("acme+PublicKey1", form.Find("#field-Username").GetAttribute("value"));
        Assert.Equal("PrivateKey1", form.Find("#field-Password").GetAttribute("value"));
        Assert.Equal(ValidClientId, form.Find("#field-ClientId").GetAttribute("value"));
        Assert.Null(form.Find("[data-testid=submit]").GetAttribute("aria-disabled"));
        Assert.Empty(_connected);

        form.Find("[data-testid=use-suggestion]").Click();
        Assert.Equal("2024.2", form.Find("#field-ApiVersion").GetAttribute("value"));
    }

    [Fact]
    public async Task Editing_a_refused_field_clears_the_providers_message_for_that_field()
    {
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = VerificationOutcome.InvalidCredentials,
            Problem = new ConnectProblem(KonnektiveStrings.InvalidCredentials, ["ApiLoginId", "ApiPassword"], KonnektiveProvider.Steps.FindCredentials),
        };
        var form = RenderForm(KonnektiveProvider.Definition);
        form.Find("#field-ApiLoginId").Input("acme_api");
        form.Find("#field-ApiPassword").Input("wrong-password");
        await form.Find("form").SubmitAsync();

        form.Find("#field-ApiPassword").Input("right-password");
        form.Find("#field-ApiPassword").Blur();

        Assert.Empty(ErrorsOf(form, "ApiPassword"));
        Assert.NotEmpty(ErrorsOf(form, "ApiLoginId"));
    }

    [Fact]
    public async Task Too_many_attempts_is_said_next_to_the_submit_button_and_keeps_the_values()
    {
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.TooManyAttempts,
            Outcome = VerificationOutcome.RateLimited,
            Problem = new ConnectProblem(string.Format(AbuseStrings.TooManyAttempts, "42 seconds"), [], null),
        };
        var form = RenderForm(KonnektiveProvider.Definition);
        form.Find("#field-ApiLoginId").Input("acme_api");
        form.Find("#field-ApiPassword").Input("a-password");

        await form.Find("form").SubmitAsync();

        Assert.Equal(string.Format(AbuseStrings.TooManyAttempts, "42 seconds"), form.Find("[data-testid=too-many-attempts]").TextContent.Trim());
        Assert.Contains(_formScript.Invocations, i => i.Identifier == "focusAlert" && (string?)i.Arguments[0] == "too-many-attempts");
        Assert.Empty(form.FindAll("[data-testid=provider-problem]"));
        Assert.Equal("acme_api", form.Find("#field-ApiLoginId").GetAttribute("value"));
        Assert.Equal("a-password", form.Find("#field-ApiPassword").GetAttribute("value"));
    }

    [Fact]
    public async Task Verified_but_not_saved_keeps_every_value_shows_the_message_and_a_second_submit_connects()
    {
        var notSaved = string.Format(ConnectionsStrings.NotSaved, ConnectWisePsaProvider.Definition.DisplayName);
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotSaved,
            Outcome = VerificationOutcome.Verified,
            VerifiedAt = TestServices.Now,
            Problem = new ConnectProblem(notSaved, [], null),
        };
        var form = RenderForm(ConnectWisePsaProvider.Definition);
        FillConnectWise(form);

        await form.Find("form").SubmitAsync();

        Assert.Contains(notSaved, form.Find("[data-testid=provider-problem]").TextContent);
        Assert.Equal(
            string.Format(ConnectStrings.StatusNotConnected, ConnectWisePsaProvider.Definition.DisplayName),
            form.Find("[data-testid=submit-status]").TextContent);
        Assert.Equal("api-na.myconnectwise.net", form.Find("#field-Hostname").GetAttribute("value"));
        Assert.Equal("2025.1", form.Find("#field-ApiVersion").GetAttribute("value"));
        Assert.Equal(ValidClientId, form.Find("#field-ClientId").GetAttribute("value"));
        Assert.Equal("acme+PublicKey1", form.Find("#field-Username").GetAttribute("value"));
        Assert.Equal("PrivateKey1", form.Find("#field-Password").GetAttribute("value"));
        Assert.All(new[] { "Hostname", "ApiVersion", "ClientId", "Username", "Password" }, field => Assert.Empty(ErrorsOf(form, field)));
        Assert.Null(form.Find("[data-testid=submit]").GetAttribute("aria-disabled"));
        Assert.Empty(_connected);

        var connected = ConnectResult.Connected(Guid.Parse("0b6f3f0e-94a4-4f7e-8d1e-2f1b6c0d9a55"), TestServices.Now);
        _connections.Result = connected;
        await form.Find("form").SubmitAsync();

        Assert.Equal(2, _connections.Calls.Count);
        Assert.Equal(_connections.Calls[0].Values, _connections.Calls[1].Values);
        Assert.Equal([connected], _connected);
        Assert.Empty(form.FindAll("[data-testid=provider-problem]"));
    }

    [Fact]
    public async Task What_the_tab_kept_of_the_non_secret_fields_comes_back_the_secrets_are_asked_again_and_a_save_drops_it()
    {
        _formScript.Setup<string?>("draftText", "connectui:draft:connectwise-psa:none")
            .SetResult(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Hostname"] = "api-na.myconnectwise.net",
                ["ClientId"] = ValidClientId,
                ["Password"] = "never-restored",
            }));

        var form = RenderForm(ConnectWisePsaProvider.Definition);

        Assert.Equal("api-na.myconnectwise.net", form.Find("#field-Hostname").GetAttribute("value"));
        // The client id and the key pair are secrets too: none of them comes back.
        Assert.True(string.IsNullOrEmpty(form.Find("#field-ClientId").GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(form.Find("#field-Password").GetAttribute("value")));
        Assert.Equal(string.Format(ConnectStrings.DraftRestored, $"{ConnectWisePsaStrings.ClientIdLabel}, {ConnectWisePsaStrings.UsernameLabel}, {ConnectWisePsaStrings.PasswordLabel}"),
            form.Find("[data-testid=draft-restored]").TextContent);

        // Only the non-secret fields are watched; a secret field is never kept.
        var kept = JsonSerializer.Deserialize<Dictionary<string, string>>((string)_formScript.Invocations["keepDraft"].Single().Arguments[1]!)!;
        Assert.Equal(["ApiVersion", "Hostname"], kept.Values.Order());

        _connections.Result = ConnectResult.Connected(Guid.NewGuid(), TestServices.Now);
        FillConnectWise(form);
        await form.Find("form").SubmitAsync();

        Assert.Single(_formScript.Invocations["dropDraft"]);
        Assert.Empty(form.FindAll("[data-testid=draft-restored]"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[\"a list\"]")]
    [InlineData("{\"Hostname\":42}")]
    public void A_draft_the_tab_kept_in_another_shape_is_no_draft(string? text)
    {
        Assert.Null(CredentialForm.ParseDraft(text));
    }

    [Fact]
    public async Task A_form_left_while_the_tab_reads_its_draft_calls_its_script_no_more()
    {
        var readDraft = _formScript.Setup<string?>("draftText", _ => true);
        var form = RenderForm(KonnektiveProvider.Definition);

        // A link followed before the tab answered: the page goes, and the form's module with it.
        await form.Instance.DisposeAsync();
        readDraft.SetResult(null);
        await form.InvokeAsync(() => { });

        Assert.Empty(_formScript.Invocations["keepDraft"]);
    }

    [Fact]
    public async Task A_tab_closed_while_the_form_reads_its_draft_ends_no_render_with_an_error()
    {
        var readDraft = _formScript.Setup<string?>("draftText", _ => true);
        var form = RenderForm(KonnektiveProvider.Definition);

        // The tab went away during the circuit's first render: every script call now throws.
        readDraft.SetException(new Microsoft.JSInterop.JSDisconnectedException("The circuit has disconnected."));
        await form.InvokeAsync(() => { });

        // Thrown out of after-render it would end the circuit with an error in the log, for a tab that is already gone.
        Assert.False(Renderer.UnhandledException.IsCompleted, Renderer.UnhandledException.IsCompleted ? (await Renderer.UnhandledException).Message : null);
        Assert.Empty(_formScript.Invocations["keepDraft"]);
    }

    [Fact]
    public void Without_a_kept_draft_the_form_starts_empty_and_says_nothing()
    {
        var form = RenderForm(KonnektiveProvider.Definition);

        Assert.Empty(form.FindAll("[data-testid=draft-restored]"));
        Assert.True(string.IsNullOrEmpty(form.Find("#field-ApiLoginId").GetAttribute("value")));
        Assert.Single(_formScript.Invocations["keepDraft"]);
    }

    public static TheoryData<string, string, string> OversizeFields => new()
    {
        { KonnektiveProvider.Id, "ApiLoginId", KonnektiveStrings.LoginIdTooLong },
        { KonnektiveProvider.Id, "ApiPassword", KonnektiveStrings.PasswordTooLong },
        { ConnectWisePsaProvider.Id, "Hostname", ConnectWisePsaStrings.HostnameInvalid },
        { ConnectWisePsaProvider.Id, "ApiVersion", ConnectWisePsaStrings.ApiVersionFormat },
        { ConnectWisePsaProvider.Id, "ClientId", ConnectWisePsaStrings.ClientIdFormat },
        { ConnectWisePsaProvider.Id, "Username", ConnectWisePsaStrings.UsernameTooLong },
        { ConnectWisePsaProvider.Id, "Password", ConnectWisePsaStrings.PasswordTooLong },
    };

    [Theory]
    [MemberData(nameof(OversizeFields))]
    public void Each_input_carries_the_servers_length_limit_as_maxlength(string providerId, string field, string _)
    {
        var provider = Provider(providerId);
        var form = RenderForm(provider);
        var limit = provider.Fields.Single(f => f.Name == field).MaxLength;

        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Find($"#field-{field}").GetAttribute("maxlength"));

        // The limit is the validator's: one character more is refused by the same rules the server applies.
        var model = provider.CreateModel();
        model[field] = new string('a', limit + 1);
        Assert.Contains(provider.Validator.Validate(new FluentValidation.ValidationContext<object>(model)).Errors, e => e.PropertyName == field);
    }

    [Theory]
    [MemberData(nameof(OversizeFields))]
    public void A_value_longer_than_maxlength_sent_anyway_gets_the_fields_own_message_and_stays_in_the_field(string providerId, string field, string message)
    {
        foreach (var length in new[] { Provider(providerId).Fields.Single(f => f.Name == field).MaxLength + 1, 30_000 })
        {
            var form = RenderForm(Provider(providerId));
            var value = new string('a', length);

            form.Find($"#field-{field}").Input(value);

            Assert.Equal([message], ErrorsOf(form, field));
            Assert.Equal(value, form.Find($"#field-{field}").GetAttribute("value"));
        }
    }

    private static ProviderDefinition Provider(string id) =>
        id == KonnektiveProvider.Id ? KonnektiveProvider.Definition : ConnectWisePsaProvider.Definition;

    private IRenderedComponent<CredentialForm> RenderForm(ProviderDefinition provider) =>
        Render<CredentialForm>(p => p
            .Add(c => c.Provider, provider)
            .Add(c => c.OnGuideStepRequested, (string anchor) => _requestedSteps.Add(anchor))
            .Add(c => c.OnProblemStep, (string anchor) => _problemSteps.Add(anchor))
            .Add(c => c.OnConnected, (ConnectResult result) => _connected.Add(result)));

    private static void FillConnectWise(IRenderedComponent<CredentialForm> form)
    {
        form.Find("#field-Hostname").Input("api-na.myconnectwise.net");
        form.Find("#field-ApiVersion").Input("2025.1");
        form.Find("#field-ClientId").Input(ValidClientId);
        form.Find("#field-Username").Input("acme+PublicKey1");
        form.Find("#field-Password").Input("PrivateKey1");
    }

    private static int Occurrences(string markup, string text) =>
        (markup.Length - markup.Replace(System.Net.WebUtility.HtmlEncode(text), string.Empty).Length) / System.Net.WebUtility.HtmlEncode(text).Length;

    private static string LiveRegionText(IRenderedComponent<CredentialForm> form) =>
        string.Concat(form.FindAll("[aria-live], [role=status], [role=alert]").Select(e => e.TextContent));

    private static string[] ErrorsOf(IRenderedComponent<CredentialForm> form, string field) =>
        form.FindAll($"#field-{field}-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToArray();
}
