using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Localization;

/// <summary>The pages read their texts from the .resx through the <see cref="IStringLocalizer{T}"/> they are given.</summary>
public sealed class LocalizedPageTests : ComponentTestContext
{
    public LocalizedPageTests() => Services.AddSingleton<IConnectionService>(new FakeConnectionService());

    [Fact]
    public void A_page_shows_the_resx_texts()
    {
        var page = Render<ConnectPage>(p => p.Add(c => c.ProviderId, KonnektiveProvider.Id));

        Assert.Equal(string.Format(ConnectStrings.HeadingConnect, KonnektiveProvider.Definition.DisplayName), page.Find("h1").TextContent.Trim());
        Assert.Equal(ConnectStrings.Connect, page.Find("[data-testid=submit]").TextContent.Trim());
        Assert.Equal(ConnectStrings.WhereDoIFindThis, page.Find("[data-testid=where-ApiLoginId]").FirstChild!.TextContent.Trim());
    }

    [Fact]
    public void A_page_reads_its_texts_through_the_localizer()
    {
        Services.AddSingleton<IStringLocalizerFactory>(new BracketingFactory());

        var page = Render<ConnectPage>(p => p.Add(c => c.ProviderId, KonnektiveProvider.Id));

        Assert.Equal($"[{ConnectStrings.Connect}]", page.Find("[data-testid=submit]").TextContent.Trim());
        Assert.Equal(
            $"[{string.Format(ConnectStrings.HeadingConnect, KonnektiveProvider.Definition.DisplayName)}]",
            page.Find("h1").TextContent.Trim());
    }

    /// <summary>Wraps every text the real factory finds in brackets, as pseudo-localization does, so text that did not come through a localizer stands out.</summary>
    private sealed class BracketingFactory : IStringLocalizerFactory
    {
        private readonly ResourceManagerStringLocalizerFactory _inner =
            new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

        public IStringLocalizer Create(Type resourceSource) => new Bracketing(_inner.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new Bracketing(_inner.Create(baseName, location));

        private sealed class Bracketing(IStringLocalizer inner) : IStringLocalizer
        {
            public LocalizedString this[string name] => Wrap(inner[name]);

            public LocalizedString this[string name, params object[] arguments] => Wrap(inner[name, arguments]);

            public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Wrap);

            private static LocalizedString Wrap(LocalizedString text) => new(text.Name, $"[{text.Value}]", text.ResourceNotFound, text.SearchedLocation);
        }
    }
}
