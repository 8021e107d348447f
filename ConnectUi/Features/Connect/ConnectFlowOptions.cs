namespace ConnectUi.Features.Connect;

/// <summary>Settings of the connect pages, bound from the <c>ConnectUi</c> configuration section.</summary>
public sealed class ConnectFlowOptions
{
    public const string Section = "ConnectUi";

    /// <summary>The public IP addresses our server calls providers from, for providers whose guide asks to allow-list them.</summary>
    public IList<string> EgressIps { get; init; } = [];
}
