namespace ConnectUi.Providers.Konnektive;

/// <summary>What Konnektive's API needs: an API user's login id and password.</summary>
public sealed class KonnektiveCredentials : CredentialModel
{
    private static readonly IReadOnlyList<string> Names = [nameof(ApiLoginId), nameof(ApiPassword)];

    public override IReadOnlyList<string> FieldNames => Names;

    public string ApiLoginId { get => Get(); set => Set(value); }

    public string ApiPassword { get => Get(); set => Set(value); }
}
