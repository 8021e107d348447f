using ConnectUi.Providers;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>What Tallybook's API needs: the account id and a private app token made for it.</summary>
public sealed class TallybookCredentials : CredentialModel
{
    private static readonly IReadOnlyList<string> Names = [nameof(AccountId), nameof(PrivateAppToken)];

    public override IReadOnlyList<string> FieldNames => Names;

    public string AccountId { get => Get(); set => Set(value); }

    public string PrivateAppToken { get => Get(); set => Set(value); }
}
