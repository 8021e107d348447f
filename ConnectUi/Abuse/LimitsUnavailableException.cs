namespace ConnectUi.Abuse;

/// <summary>The shared store of the limits (Redis) cannot be reached; the attempt is refused, never let through unchecked.</summary>
public sealed class LimitsUnavailableException(Exception innerException)
    : Exception("The shared store of the attempt limits cannot be reached.", innerException);
