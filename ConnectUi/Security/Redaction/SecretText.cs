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
}
