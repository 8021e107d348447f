namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>Where Tallybook's API lives, bound from <c>ConnectUi:Providers:Tallybook</c>.</summary>
public sealed class TallybookOptions
{
    public const string Section = "ConnectUi:Providers:Tallybook";

    public string BaseUrl { get; set; } = "https://api.tallybook.example";
}
