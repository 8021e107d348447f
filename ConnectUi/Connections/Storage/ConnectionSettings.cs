using System.Text.Json;
using ConnectUi.Providers;

namespace ConnectUi.Connections.Storage;

/// <summary>Splits a credential model into clear settings and secrets, strictly by <see cref="CredentialField.IsSecret"/>.</summary>
internal static class ConnectionSettings
{
    public static (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Split(ProviderDefinition provider, CredentialModel credentials)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in credentials.ToDictionary())
        {
            // A field the definition does not list counts as secret: encrypting too much is safe, the opposite is not.
            var isSetting = provider.FindField(name) is { IsSecret: false };
            (isSetting ? settings : secrets)[name] = value;
        }

        return (settings, secrets);
    }

    public static string Serialize(IReadOnlyDictionary<string, string> settings) => JsonSerializer.Serialize(settings);

    public static IReadOnlyDictionary<string, string> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
}
