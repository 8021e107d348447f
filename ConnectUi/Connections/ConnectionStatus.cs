using System.Text.Json.Serialization;

namespace ConnectUi.Connections;

/// <summary>Whether a saved connection still works, as the latest checks of its stored credentials tell.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConnectionStatus>))]
public enum ConnectionStatus
{
    /// <summary>The provider accepted the stored credentials last time it answered about them.</summary>
    [JsonStringEnumMemberName("healthy")]
    Healthy,

    /// <summary>The provider refused the stored credentials twice in a row: only the person can fix it, by reconnecting.</summary>
    [JsonStringEnumMemberName("needs_relink")]
    NeedsRelink,

    /// <summary>The last check got no answer about the credentials (timeout, network fault, provider error): never a reason to ask the person.</summary>
    [JsonStringEnumMemberName("unreachable")]
    Unreachable,
}

/// <summary>What started a test call, kept in each connection's history.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationTrigger>))]
public enum VerificationTrigger
{
    [JsonStringEnumMemberName("connect")]
    Connect,

    [JsonStringEnumMemberName("reconnect")]
    Reconnect,

    /// <summary>The background re-verification.</summary>
    [JsonStringEnumMemberName("scheduled")]
    Scheduled,

    /// <summary>A host backend asked (<c>POST /api/connections/{id}/verify</c>) or support staff did.</summary>
    [JsonStringEnumMemberName("on_request")]
    OnRequest,
}
