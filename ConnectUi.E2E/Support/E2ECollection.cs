namespace ConnectUi.E2E.Support;

/// <summary>All journeys share one app server and one browser; each test opens its own browser context.</summary>
[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<ConnectUiAppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "e2e";
}
