using System.Collections.Immutable;
using System.Text.Json;

namespace ConnectUi.Security.Redaction;

/// <summary>
/// The credential values of the verification running in the current async flow, so that every log line written
/// meanwhile (by our code, a verifier, HttpClient or the framework) can be scrubbed of them. Ambient, like
/// <c>Activity.Current</c>: a logger cannot be handed the request, and an <see cref="AsyncLocal{T}"/> follows the
/// call into verifiers and handlers without leaking into other circuits' flows.
/// </summary>
public static class SecretsInFlight
{
    private static readonly AsyncLocal<ImmutableArray<string>> Current = new();

    /// <summary>The secrets now in flight, longest first.</summary>
    public static ImmutableArray<string> Values => Current.Value.IsDefault ? [] : Current.Value;

    public static bool Any => !Current.Value.IsDefaultOrEmpty;

    /// <summary>Registers values (and their URL- and JSON-escaped forms) until the returned scope is disposed.</summary>
    public static IDisposable Track(IEnumerable<string?> secrets)
    {
        var previous = Current.Value;
        Current.Value = Values
            .Concat(secrets.Where(s => !string.IsNullOrEmpty(s)).SelectMany(s => Variants(s!)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(s => s.Length)
            .ToImmutableArray();
        return new Scope(previous);
    }

    /// <summary>The text with every secret in flight replaced by <see cref="SecretText.Redacted"/>.</summary>
    public static string Redact(string text) => Any ? SecretText.Redact(text, Values) : text;

    /// <summary>
    /// Like <see cref="Redact(string)"/>, but leaves secrets shorter than <paramref name="minimumLength"/> alone: for our
    /// own sentences, where blanking every "a" of a one-letter password would make the message unreadable.
    /// </summary>
    public static string Redact(string text, int minimumLength) =>
        Any ? SecretText.Redact(text, Values.Where(v => v.Length >= minimumLength)) : text;

    public static bool Contains(string? text) =>
        Any && text is not null && Values.Any(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Variants(string secret)
    {
        yield return secret;

        // Half a surrogate pair has no URL or JSON form (escaping throws), and the validators refuse such a value anyway.
        if (!SecretText.HasOnlyWholeCharacters(secret))
        {
            yield break;
        }

        yield return Uri.EscapeDataString(secret);
        yield return JsonEncodedText.Encode(secret).ToString();
    }

    private sealed class Scope(ImmutableArray<string> previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
