using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;

namespace ConnectUi.Tests.Connections;

/// <summary>Realistic credentials whose secrets are distinctive enough to search a database file for.</summary>
public static class TestCredentials
{
    public const string KonnektiveLogin = "acme_api_user";
    public const string KonnektivePassword = "Kp-7f3Qz-wombat-SECRET";
    public const string ConnectWiseHostname = "api-eu.myconnectwise.net";
    public const string ConnectWiseUsername = "acme+AbCdEf123456";
    public const string ConnectWiseClientId = "5b1e9c2a-7d44-4f0e-9a63-c0ffee5ec7e7";
    public const string ConnectWisePassword = "cw-Pr1vateKey-narwhal-SECRET";

    public static IReadOnlyList<string> Secrets { get; } =
        [KonnektiveLogin, KonnektivePassword, ConnectWiseClientId, ConnectWiseUsername, ConnectWisePassword];

    public static ConnectRequest Konnektive(string password = KonnektivePassword, string? endUserId = "user-1", Guid? reconnect = null) =>
        new(KonnektiveProvider.Definition,
            new KonnektiveCredentials { ApiLoginId = KonnektiveLogin, ApiPassword = password },
            endUserId,
            reconnect);

    public static ConnectRequest ConnectWise(
        string password = ConnectWisePassword,
        string apiVersion = "2025.1",
        string? endUserId = "user-1",
        Guid? reconnect = null) =>
        new(ConnectWisePsaProvider.Definition,
            new ConnectWisePsaCredentials
            {
                Hostname = ConnectWiseHostname,
                ApiVersion = apiVersion,
                ClientId = ConnectWiseClientId,
                Username = ConnectWiseUsername,
                Password = password,
            },
            endUserId,
            reconnect);
}
