using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectUi.Connections.Storage;

/// <summary>Encrypts a connection's secret fields with ASP.NET Core Data Protection.</summary>
public sealed class CredentialProtector(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "ConnectUi.Connections.Credentials.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>Encrypts the secrets for one connection; the id is part of the purpose, so a blob copied onto another row does not decrypt.</summary>
    public string Protect(Guid connectionId, IReadOnlyDictionary<string, string> secrets) =>
        ForConnection(connectionId).Protect(JsonSerializer.Serialize(secrets));

    public IReadOnlyDictionary<string, string> Unprotect(Guid connectionId, string protectedCredentials) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(ForConnection(connectionId).Unprotect(protectedCredentials))
        ?? new Dictionary<string, string>();

    private IDataProtector ForConnection(Guid connectionId) => _protector.CreateProtector(connectionId.ToString("D"));
}
