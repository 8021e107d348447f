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

    /// <summary>
    /// Longest request target (path and query), answered with 414 by our middleware, so /api callers get problem JSON.
    /// Kestrel's own request-line limit is raised to <see cref="ServerRequestLineBytes"/> so it does not answer first.
    /// </summary>
    public int MaxRequestTargetBytes { get; set; } = 8 * 1024;

    /// <summary>Kestrel's request-line limit: equal to its default request buffer, past which it answers 414 with no body itself.</summary>
    public const int ServerRequestLineBytes = 1024 * 1024;
}
