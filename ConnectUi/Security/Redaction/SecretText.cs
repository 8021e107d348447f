using System.Buffers;
using System.Text;

namespace ConnectUi.Security.Redaction;

/// <summary>How a secret is blanked out of any text: logs, technical details, journey events.</summary>
public static class SecretText
{
    public const string Redacted = "[redacted]";

    /// <summary>Replaces every occurrence of each secret, longest first so a secret inside another leaves no fragment.</summary>
    public static string Redact(string text, IEnumerable<string?>? secrets)
    {
        foreach (var secret in (secrets ?? []).Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s!.Length))
        {
            text = text.Replace(secret!, Redacted, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>
    /// False when the text holds half of a surrogate pair (what a broken copy or paste can leave): such a value has no
    /// UTF-8, URL or JSON form.
    /// </summary>
    public static bool HasOnlyWholeCharacters(string text)
    {
        for (var rest = text.AsSpan(); !rest.IsEmpty;)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
