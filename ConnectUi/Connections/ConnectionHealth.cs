using ConnectUi.Providers;
namespace ConnectUi.Connections;

/// <summary>How one test call of stored credentials moves a connection's status.</summary>
public static class ConnectionHealth
{
    /// <summary>Refusals in a row before a connection needs the person: one refusal may be a provider's hiccup.</summary>
    public const int RefusalsBeforeRelink = 2;

    /// <summary>What an outcome says about the stored credentials.</summary>
    public static OutcomeMeaning MeaningOf(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Verified => OutcomeMeaning.Accepted,
        VerificationOutcome.InvalidCredentials
            or VerificationOutcome.IpNotAllowed
            or VerificationOutcome.PermissionDenied
            or VerificationOutcome.SettingRejected
            or VerificationOutcome.InvalidInput => OutcomeMeaning.Refused,
        VerificationOutcome.RateLimited => OutcomeMeaning.RateLimited,
        VerificationOutcome.HostNotFound
            or VerificationOutcome.HostNotAllowed
            or VerificationOutcome.TlsFailure
            or VerificationOutcome.Unreachable
            or VerificationOutcome.Timeout
            or VerificationOutcome.ProviderError => OutcomeMeaning.NoAnswer,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Every outcome must say what it means for the connection."),
    };

    /// <summary>
    /// The status and refusal count after a test call. A call that got no answer about the credentials (timeout, network
    /// fault, rate limit) neither counts as a refusal nor breaks a run of them, and never moves a connection away from
    /// needs_relink: only an accepted call (or a reconnect) does.
    /// </summary>
    public static (ConnectionStatus Status, int ConsecutiveRefusals) After(ConnectionStatus status, int consecutiveRefusals, VerificationOutcome outcome) =>
        MeaningOf(outcome) switch
        {
            OutcomeMeaning.Accepted => (ConnectionStatus.Healthy, 0),
            OutcomeMeaning.Refused => consecutiveRefusals + 1 >= RefusalsBeforeRelink
                ? (ConnectionStatus.NeedsRelink, consecutiveRefusals + 1)
                : (status, consecutiveRefusals + 1),
            OutcomeMeaning.NoAnswer => (status == ConnectionStatus.NeedsRelink ? status : ConnectionStatus.Unreachable, consecutiveRefusals),
            _ => (status, consecutiveRefusals),
        };
}

public enum OutcomeMeaning
{
    /// <summary>The provider accepted the credentials.</summary>
    Accepted,

    /// <summary>The provider answered and refused the credentials or the account's settings.</summary>
    Refused,

    /// <summary>No answer about the credentials: timeout, network, TLS, a provider fault.</summary>
    NoAnswer,

    /// <summary>The provider asked us to slow down; says nothing about the credentials.</summary>
    RateLimited,
}
