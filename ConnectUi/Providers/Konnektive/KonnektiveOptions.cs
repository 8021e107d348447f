namespace ConnectUi.Providers.Konnektive;

/// <summary>Where Konnektive's API lives, bound from <c>ConnectUi:Providers:Konnektive</c>.</summary>
public sealed class KonnektiveOptions
{
    public const string Section = "ConnectUi:Providers:Konnektive";
    public const string DefaultBaseUrl = "https://api.konnektive.com";

    /// <summary>Operator configuration (the sandbox points it at the simulator), so the hostname guard does not apply.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;
}
