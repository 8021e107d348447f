using System.Security.Cryptography;
using System.Text;
using ConnectUi.Providers;

namespace ConnectUi.Abuse;

/// <summary>
/// The provider account a request signs in to, as a key for limits. Login ids are secrets here, so only a hash is
/// kept in memory; case and surrounding spaces are ignored so variations of one id share one limit.
/// </summary>
public static class AccountKeys
{
    /// <summary>Null when the provider names no account or the field is empty.</summary>
    public static string? Of(ProviderDefinition provider, CredentialModel credentials)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var account = provider.AccountKey?.Invoke(credentials)?.Trim();
        if (string.IsNullOrEmpty(account))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes($"{provider.Id.ToUpperInvariant()}\n{account.ToUpperInvariant()}");
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
