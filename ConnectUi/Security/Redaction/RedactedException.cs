namespace ConnectUi.Security.Redaction;

/// <summary>
/// Stands in for an exception whose text held a secret in flight: same type name, message, stack trace and inner
/// exceptions as text, with the secrets replaced. The original is dropped so no later handler can print it.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(string originalType, string message, string text, string? stackTrace)
        : base(message)
    {
        OriginalType = originalType;
        _text = text;
        StackTrace = stackTrace;
    }

    /// <summary>The full name of the exception type that was replaced.</summary>
    public string OriginalType { get; }

    public override string? StackTrace { get; }

    /// <summary>The original exception, or a redacted copy when its text contains a secret in flight.</summary>
    public static Exception From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.ToString();
        if (!SecretsInFlight.Contains(text))
        {
            return exception;
        }

        return new RedactedException(
            exception.GetType().FullName ?? exception.GetType().Name,
            SecretsInFlight.Redact(exception.Message),
            SecretsInFlight.Redact(text),
            exception.StackTrace is { } trace ? SecretsInFlight.Redact(trace) : null);
    }

    public override string ToString() => $"{typeof(RedactedException).FullName}, secrets removed from: {_text}";
}
