namespace ConnectUi.Abuse;

/// <summary>
/// Who is making a verification attempt, as the per-caller limit counts them. Scoped: one per circuit or request.
/// The host's connect session when there is one, else the client address (<see cref="SessionOrAddressPartition"/>).
/// </summary>
public interface IAttemptPartition
{
    /// <summary>A stable key for the caller; never null, <see cref="Unknown"/> when nothing identifies them.</summary>
    string CallerKey { get; }

    public const string Unknown = "unknown";
}
