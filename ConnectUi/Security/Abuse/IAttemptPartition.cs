namespace ConnectUi.Security.Abuse;

/// <summary>
/// Who is making a verification attempt, as the per-caller limit counts them. Scoped: one per circuit or request.
/// Today the client address (<see cref="ClientAddressPartition"/>); a session id can replace it with one registration.
/// </summary>
public interface IAttemptPartition
{
    /// <summary>A stable key for the caller; never null, <see cref="Unknown"/> when nothing identifies them.</summary>
    string CallerKey { get; }

    public const string Unknown = "unknown";
}
