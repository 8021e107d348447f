namespace ConnectUi.Security.RequestLimits;

/// <summary>Size limits of what callers may send, bound from <c>ConnectUi:RequestLimits</c>.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "ConnectUi:RequestLimits";

    /// <summary>Largest HTTP request body, for every endpoint (Kestrel's limit and multipart forms).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest single message a Blazor circuit accepts from the browser; a bigger one closes the circuit.</summary>
    public long MaxHubMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Largest value of one urlencoded or multipart form field.</summary>
    public int MaxFormValueBytes { get; set; } = 64 * 1024;

    public int MaxFormValueCount { get; set; } = 100;
}
