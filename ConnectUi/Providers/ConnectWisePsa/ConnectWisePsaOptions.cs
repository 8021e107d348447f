namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>Operator settings of the ConnectWise PSA test call, bound from <c>ConnectUi:Providers:ConnectWisePsa</c>.</summary>
public sealed class ConnectWisePsaOptions
{
    public const string Section = "ConnectUi:Providers:ConnectWisePsa";

    /// <summary>When set, every ConnectWise call goes to this base (for example a simulator) instead of <c>https://{hostname}</c>.</summary>
    public string? BaseUrlOverride { get; set; }

    /// <summary>
    /// Lets <see cref="BaseUrlOverride"/> be plain HTTP on loopback without lifting the private-network check
    /// for anything else. The sandbox sets it for its own simulator.
    /// </summary>
    public bool AllowLoopbackOverride { get; set; }
}
