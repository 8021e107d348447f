namespace ConnectUi.HostApi;

/// <summary>The host API, bound from the <c>ConnectUi</c> section.</summary>
public sealed class HostApiOptions
{
    public const string Section = "ConnectUi";

    /// <summary>
    /// Lower-case hex SHA-256 hashes of the API keys host backends present (<c>printf %s "$KEY" | sha256sum</c>).
    /// Keys themselves are never configured, so a leaked settings file does not give access.
    /// </summary>
    public IList<string> HostApiKeys { get; init; } = [];

    /// <summary>The largest request body the host API reads.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;
}
