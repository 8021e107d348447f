using System.Collections;
using System.Globalization;

namespace ConnectUi.Security.Redaction;

/// <summary>
/// Wraps the app's logger factory so every logger scrubs the <see cref="SecretsInFlight"/> from the formatted message,
/// each structured value, scopes and exceptions before any provider (console, OpenTelemetry, tests) sees them.
/// Costs one check per log call when no verification is running.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            SecretsInFlight.Any ? inner.BeginScope(RedactedState.Of(state, state.ToString() ?? string.Empty)) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!SecretsInFlight.Any)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var redacted = RedactedState.Of(state, formatter(state, exception));
            inner.Log(logLevel, eventId, redacted, exception is null ? null : RedactedException.From(exception), static (s, _) => s.Message);
        }
    }

    /// <summary>A log state whose message and values have the secrets in flight replaced.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public static RedactedState Of<TState>(TState state, string message) => new(
            SecretsInFlight.Redact(message),
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, RedactValue(p.Value))).ToArray()
                : []);

        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;

        // Values that cannot spell a secret keep their type for structured sinks; anything else is checked as text.
        private static object? RedactValue(object? value)
        {
            if (value is null or bool or char or byte or short or int or long or float or double or decimal
                or Guid or DateTime or DateTimeOffset or TimeSpan or Enum)
            {
                return value;
            }

            var text = value switch
            {
                string s => s,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                IEnumerable sequence => string.Join(", ", sequence.Cast<object?>()),
                _ => value.ToString(),
            };
            return SecretsInFlight.Contains(text) ? SecretsInFlight.Redact(text!) : value;
        }
    }
}
