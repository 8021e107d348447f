namespace ConnectUi.HostApi;

/// <summary>
/// The host API key a request was authenticated with, set as a request feature by <see cref="HostApiMiddleware"/>
/// before anything else under <c>/api</c> runs. Limits and endpoints read this, never a request header.
/// </summary>
/// <param name="KeyId">A stable, non-secret name of the key (a prefix of its hash), used to partition limits and in logs.</param>
public sealed record HostApiCaller(string KeyId);
