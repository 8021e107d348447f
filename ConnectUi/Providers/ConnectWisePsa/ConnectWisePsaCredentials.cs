namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>What ConnectWise PSA's REST API needs: tenant host, API version, client id and BASIC credentials.</summary>
public sealed class ConnectWisePsaCredentials : CredentialModel
{
    private static readonly IReadOnlyList<string> Names =
        [nameof(Hostname), nameof(ApiVersion), nameof(ClientId), nameof(Username), nameof(Password)];

    public override IReadOnlyList<string> FieldNames => Names;

    public string Hostname { get => Get(); set => Set(value); }

    public string ApiVersion { get => Get(); set => Set(value); }

    public string ClientId { get => Get(); set => Set(value); }

    /// <summary><c>CompanyId+PublicKey</c> (or integrator username / member id after the plus).</summary>
    public string Username { get => Get(); set => Set(value); }

    public string Password { get => Get(); set => Set(value); }

    /// <summary>The Company ID: the part of <see cref="Username"/> before the first <c>+</c>.</summary>
    public string CompanyId => Username.Split('+', 2)[0];
}
