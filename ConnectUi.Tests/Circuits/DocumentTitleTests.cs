using Bunit;
using ConnectUi.Circuits;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components.Web;

namespace ConnectUi.Tests.Circuits;

/// <summary>In a circuit a page's title is set on the document, since the head is static HTML.</summary>
public sealed class DocumentTitleTests : ComponentTestContext
{
    private readonly BunitJSModuleInterop _script;

    public DocumentTitleTests() => _script = JSInterop.SetupModule("./js/document-title.js");

    [Fact]
    public void The_title_is_set_once_and_the_prerenders_page_title_goes()
    {
        var title = Render<DocumentTitle>(p => p.Add(c => c.Title, "Connect Konnektive CRM · ConnectUi"));

        title.WaitForAssertion(() => Assert.Empty(title.FindComponents<PageTitle>()));
        var set = Assert.Single(_script.Invocations["setTitle"]);
        Assert.Equal("Connect Konnektive CRM · ConnectUi", set.Arguments[0]);
    }

    [Fact]
    public void A_changed_title_is_set_again_and_an_unchanged_one_is_not()
    {
        var title = Render<DocumentTitle>(p => p.Add(c => c.Title, "Connect Konnektive CRM · ConnectUi"));

        title.Render(p => p.Add(c => c.Title, "Connected to Konnektive CRM · ConnectUi"));
        title.Render(p => p.Add(c => c.Title, "Connected to Konnektive CRM · ConnectUi"));

        Assert.Equal(
            ["Connect Konnektive CRM · ConnectUi", "Connected to Konnektive CRM · ConnectUi"],
            _script.Invocations["setTitle"].Select(i => (string)i.Arguments[0]!));
    }
}
