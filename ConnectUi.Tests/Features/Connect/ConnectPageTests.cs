using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Features.Connect;

public sealed class ConnectPageTests : ComponentTestContext
{
    private readonly FakeConnectionService _connections = new();
    private readonly BunitJSModuleInterop _pageScript;

    public ConnectPageTests()
    {
        Services.AddSingleton<IConnectionService>(_connections);
        _pageScript = JSInterop.SetupModule("./Features/Connect/ConnectPage.razor.js");
    }

    public static TheoryData<string> ProviderIds => [KonnektiveProvider.Id, ConnectWisePsaProvider.Id];

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Renders_every_guide_step_with_its_stable_anchor(string providerId)
    {
        var provider = Provider(providerId);

        var page = RenderPage(providerId);

        for (var i = 0; i < provider.Guide.Steps.Count; i++)
        {
            var step = provider.Guide.Steps[i];
            var element = page.Find($"li#{step.Anchor}");
            Assert.Contains(string.Format(ConnectStrings.StepTitle, i + 1, step.Title), element.TextContent);
            foreach (var pitfall in step.Pitfalls)
            {
                Assert.Contains(pitfall.Replace("**", string.Empty).Replace("`", string.Empty), element.TextContent);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Renders_every_field_with_its_label_help_and_placeholder(string providerId)
    {
        var page = RenderPage(providerId);

        foreach (var field in Provider(providerId).Fields)
        {
            var input = page.Find($"#{CredentialInput.InputId(field)}");
            var label = page.Find($"label[for='{CredentialInput.InputId(field)}']");
            Assert.Equal(field.Label(), label.TextContent.Trim());
            Assert.Equal(field.Placeholder(), input.GetAttribute("placeholder"));
            Assert.Equal("off", input.GetAttribute("autocomplete"));
            Assert.Contains(field.HelpText(), page.Find($"[data-testid=field-{field.Name}]").TextContent);
        }
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void The_labels_mirror_the_provider_guides(string providerId)
    {
        var provider = Provider(providerId);

        Assert.Equal(provider.Guide.WhatYouNeed.Select(item => item.Name), provider.Fields.Select(f => f.Label()));
    }

    [Theory]
    [InlineData("konnektive", "ApiLoginId", KonnektiveProvider.Steps.FindCredentials)]
    [InlineData("konnektive", "ApiPassword", KonnektiveProvider.Steps.FindCredentials)]
    [InlineData("connectwise-psa", "Hostname", ConnectWisePsaProvider.Steps.HostnameAndVersion)]
    [InlineData("connectwise-psa", "ApiVersion", ConnectWisePsaProvider.Steps.HostnameAndVersion)]
    [InlineData("connectwise-psa", "ClientId", ConnectWisePsaProvider.Steps.ClientIdAndKeys)]
    [InlineData("connectwise-psa", "Username", ConnectWisePsaProvider.Steps.ClientIdAndKeys)]
    [InlineData("connectwise-psa", "Password", ConnectWisePsaProvider.Steps.ClientIdAndKeys)]
    public void Where_do_I_find_this_scrolls_to_and_highlights_the_fields_guide_step(string providerId, string field, string anchor)
    {
        var page = RenderPage(providerId);
        var link = page.Find($"[data-testid=where-{field}]");
        Assert.Equal($"#{anchor}", link.GetAttribute("href"));

        link.Click();

        Assert.Contains("guide-step--highlighted", page.Find($"li#{anchor}").ClassList);
        Assert.Equal("step", page.Find($"li#{anchor}").GetAttribute("aria-current"));
        Assert.Single(page.FindAll(".guide-step--highlighted"));
        var call = Assert.Single(_pageScript.Invocations, i => i.Identifier == "scrollToStep");
        Assert.Equal(anchor, call.Arguments[0]);
    }

    [Fact]
    public void Konnektive_whitelist_step_lists_each_configured_egress_ip_with_a_copy_button()
    {
        Services.Configure<ConnectFlowOptions>(o =>
        {
            o.EgressIps.Add("198.51.100.10");
            o.EgressIps.Add("198.51.100.11");
        });

        var page = RenderPage(KonnektiveProvider.Id);

        var ips = page.Find("[data-testid=egress-ips]");
        Assert.Contains("198.51.100.10", ips.TextContent);
        Assert.Contains("198.51.100.11", ips.TextContent);
        Assert.Equal(2, ips.QuerySelectorAll("[data-testid=copy-button]").Length);
    }

    [Fact]
    public void Konnektive_whitelist_step_tells_the_person_what_to_do_when_no_egress_ip_is_configured()
    {
        var page = RenderPage(KonnektiveProvider.Id);

        var ips = page.Find("[data-testid=egress-ips]");
        Assert.Contains(ConnectStrings.NoEgressIpsHeading, ips.TextContent);
        Assert.Contains(string.Format(ConnectStrings.NoEgressIps, KonnektiveProvider.Definition.DisplayName), ips.TextContent);
        Assert.Empty(ips.QuerySelectorAll("[data-testid=copy-button]"));
    }

    [Fact]
    public async Task Konnektive_whitelist_step_offers_the_address_Konnektive_reported_once_it_refused_it()
    {
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = VerificationOutcome.IpNotAllowed,
            Problem = KonnektiveProblems.For(VerificationOutcome.IpNotAllowed, null, "203.0.113.7"),
        };
        var page = RenderPage(KonnektiveProvider.Id);
        page.Find("#field-ApiLoginId").Input("acme_api");
        page.Find("#field-ApiPassword").Input("a-password");

        await page.Find("form").SubmitAsync();

        var ips = page.Find("[data-testid=egress-ips]");
        Assert.Contains(string.Format(ConnectStrings.AddReportedAddress, KonnektiveProvider.Definition.DisplayName), ips.TextContent);
        Assert.Contains("203.0.113.7", ips.QuerySelector("code")!.TextContent);
        Assert.Single(ips.QuerySelectorAll("[data-testid=copy-button]"));
        Assert.Empty(ips.QuerySelectorAll("[data-testid=egress-ips-unknown]"));
        Assert.Contains("guide-step--highlighted", page.Find($"li#{KonnektiveProvider.Steps.FindCredentials}").ClassList);
        Assert.DoesNotContain(_pageScript.Invocations, i => i.Identifier == "scrollToStep");
    }

    [Fact]
    public void The_form_comes_first_with_what_the_person_needs_and_every_guide_step_one_tap_away()
    {
        var provider = ConnectWisePsaProvider.Definition;
        var page = RenderPage(provider.Id);

        var panes = page.Find(".connect-panes").Children;
        Assert.Contains("connect-panes__form", panes[0].ClassList);
        Assert.Contains("connect-panes__guide", panes[1].ClassList);
        var needs = panes[0].QuerySelector("[data-testid=credential-needs]")!;
        Assert.Contains($"{ConnectStrings.YouNeed} {string.Join(", ", provider.Guide.WhatYouNeed.Select(i => i.Name))}.", needs.TextContent);
        var stepLinks = needs.QuerySelectorAll("a");
        Assert.Equal(provider.Guide.Steps.Select(s => $"#{s.Anchor}"), stepLinks.Select(a => a.GetAttribute("href")));

        stepLinks[1].Click();

        Assert.Contains("guide-step--highlighted", page.Find($"li#{provider.Guide.Steps[1].Anchor}").ClassList);
        var call = Assert.Single(_pageScript.Invocations, i => i.Identifier == "scrollToStep");
        Assert.Equal(provider.Guide.Steps[1].Anchor, call.Arguments[0]);
    }

    [Fact]
    public void ConnectWise_guide_offers_the_three_cloud_hostnames_to_copy()
    {
        var page = RenderPage(ConnectWisePsaProvider.Id);

        var step = page.Find($"li#{ConnectWisePsaProvider.Steps.HostnameAndVersion}");
        foreach (var host in ConnectWisePsaProvider.CloudHostnames)
        {
            Assert.Contains(host, step.TextContent);
        }

        Assert.Equal(3, step.QuerySelectorAll("[data-testid=copy-button]").Length);
    }

    [Fact]
    public void Each_copy_button_has_a_tip_that_repeats_its_label_without_announcing_it_twice()
    {
        var page = RenderPage(ConnectWisePsaProvider.Id);

        var host = ConnectWisePsaProvider.CloudHostnames[0];
        var button = page.Find($"li#{ConnectWisePsaProvider.Steps.HostnameAndVersion} [data-testid=copy-button]");
        var tip = button.ParentElement!.QuerySelector("[data-testid=copy-tooltip]")!;
        var label = string.Format(ConnectStrings.CopyValue, host);
        Assert.Equal(label, button.GetAttribute("aria-label"));
        Assert.Equal(label, tip.TextContent);
        Assert.Equal("true", tip.GetAttribute("aria-hidden"));
        Assert.Contains("mud-tooltip", tip.ClassList);
    }

    [Fact]
    public async Task A_successful_connection_replaces_the_form_with_the_success_screen_without_any_secret()
    {
        var page = RenderPage(KonnektiveProvider.Id);
        page.Find("#field-ApiLoginId").Input("acme_api");
        page.Find("#field-ApiPassword").Input("S3cret-Passw0rd");

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=connect-success]")));
        Assert.Contains(_connections.Result.ConnectionId!.Value.ToString(), page.Markup);
        Assert.Contains("23 November 2026, 09:30:00 UTC", page.Find("[data-testid=verified-at]").TextContent);
        Assert.DoesNotContain("S3cret-Passw0rd", page.Markup);
        Assert.Empty(page.FindAll("form"));
        Assert.Equal("/", page.Find("[data-testid=connect-another]").GetAttribute("href"));

        // Its own heading, which takes the focus, and wording for a page no host application opened.
        var name = KonnektiveProvider.Definition.DisplayName;
        Assert.Equal(string.Format(ConnectStrings.ConnectedHeading, name), page.Find("h1").TextContent.Trim());
        Assert.Contains(_pageScript.Invocations, i => i.Identifier == "focusById" && (string?)i.Arguments[0] == "page-heading");
        Assert.Equal(ConnectStrings.NextUseWithoutHost, page.Find("[data-testid=next-use]").TextContent.Trim());
        Assert.DoesNotContain(page.FindAll("[aria-live], [role=status], [role=alert]"), e => e.TextContent.Contains(name));
    }

    [Fact]
    public void Without_the_sandbox_there_is_no_sandbox_banner()
    {
        var page = RenderPage(KonnektiveProvider.Id);

        Assert.Empty(page.FindAll("[data-testid=sandbox-banner]"));
    }

    [Fact]
    public void In_sandbox_mode_the_guide_lists_the_test_credentials_and_fills_them_in()
    {
        Services.Configure<ConnectUi.Sandbox.SandboxOptions>(o => o.Enabled = true);
        var page = RenderPage(ConnectWisePsaProvider.Id);

        var banner = page.Find("[data-testid=sandbox-banner]");
        Assert.Contains(ConnectStrings.SandboxHeading, banner.TextContent);
        Assert.Contains(ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox.Password, banner.TextContent);
        Assert.DoesNotContain(ConnectUi.Providers.Konnektive.KonnektiveSandbox.Password, banner.TextContent);

        var wrongKey = ConnectWisePsaProvider.Definition.Sandbox.Scenarios.Single(c => c.Outcome == VerificationOutcome.InvalidCredentials);
        page.Find($"[aria-label='{string.Format(ConnectStrings.SandboxFillInLabel, wrongKey.Description)}']").Click();

        Assert.Equal(ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox.WrongPassword, page.Find("#field-Password").GetAttribute("value"));
        Assert.Equal(ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox.Username, page.Find("#field-Username").GetAttribute("value"));
        Assert.Equal(ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox.ClientId, page.Find("#field-ClientId").GetAttribute("value"));
    }

    private IRenderedComponent<ConnectPage> RenderPage(string providerId) =>
        Render<ConnectPage>(p => p.Add(c => c.ProviderId, providerId));

    private static ProviderDefinition Provider(string id) =>
        id == KonnektiveProvider.Id ? KonnektiveProvider.Definition : ConnectWisePsaProvider.Definition;
}
