using ConnectUi.Security.Redaction;

namespace ConnectUi.Providers;

/// <summary>Checks shared by the credential validators.</summary>
public static class CredentialText
{
    /// <summary>
    /// False when the text holds half of a surrogate pair (what a broken copy or paste can leave): such a value has no
    /// UTF-8 form, so it could never be sent to a provider or stored.
    /// </summary>
    public static bool HasOnlyWholeCharacters(string value) => SecretText.HasOnlyWholeCharacters(value);
}
