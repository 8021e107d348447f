using System.Net;
using System.Text.RegularExpressions;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Features.Connect;

/// <summary>A provider page as a browser gets it before the circuit is up.</summary>
public sealed partial class ProviderPageOverHttpTests : IAsyncLifetime
{
    private readonly ConnectUiWebApplicationFactory _app = new(new Dictionary<string, string?>
    {
        ["ConnectUi:Sessions:Required"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/connect/konnektive")]
    [InlineData("/connect/connectwise-psa")]
    public async Task The_prerendered_form_names_no_field_and_submits_by_loading_the_page_again(string path)
    {
        var client = _app.CreateClient();
        var html = await client.GetStringAsync(path);

        var form = CredentialForm().Match(html);
        Assert.True(form.Success, "the page holds the credential form");
        Assert.Contains("<input", form.Value);
        // No name: the browser submits no field, so no value (least of all a secret) can end up in an address or a request body.
        Assert.DoesNotMatch(NameAttribute(), form.Value);
        // No method, and the page itself as the action: the submit is a GET of the page, which answers as the page does.
        Assert.DoesNotMatch("<form[^>]*method=", form.Value);
        Assert.Matches($"<form[^>]*action=\"{path}\"", form.Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?")).StatusCode);
    }

    [Theory]
    [InlineData("/connect/konnektive", "Konnektive CRM")]
    [InlineData("/connect/connectwise-psa", "ConnectWise PSA")]
    public async Task The_page_is_one_interactive_root_and_its_title_is_in_the_static_head(string path, string provider)
    {
        var html = await _app.CreateClient().GetStringAsync(path);

        // The routes only: the head is static HTML, so the circuit holds no HeadOutlet and its two section outlets.
        Assert.Single(PrerenderedHtml.ServerComponentMarker().Matches(html));
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Matches($"<title>[^<]*{provider}[^<]*ConnectUi</title>", head);
    }

    [GeneratedRegex("<form[^>]*data-testid=\"credential-form\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex CredentialForm();

    [GeneratedRegex("\\sname=")]
    private static partial Regex NameAttribute();
}
