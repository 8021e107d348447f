namespace ConnectUi.Sandbox;

/// <summary>The provider simulators, bound from <c>ConnectUi:Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "ConnectUi:Sandbox";

    /// <summary>Maps the simulators and points every provider at them. Defaults to on in Development only.</summary>
    public bool Enabled { get; set; }

    /// <summary>The app's own address (for example <c>http://127.0.0.1:5080</c>); found from the server's bound addresses when unset.</summary>
    public string? BaseUrl { get; set; }
}
