using System.Net;
using System.Text.RegularExpressions;
using ConnectUi.Tests.Support;

namespace ConnectUi.Tests.Features.Connect;

/// <summary>The credential form as a browser gets it before the circuit is up: pressing Enter then sends nothing typed.</summary>
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

    [GeneratedRegex("<form[^>]*data-testid=\"credential-form\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex CredentialForm();

    [GeneratedRegex("\\sname=")]
    private static partial Regex NameAttribute();
}
