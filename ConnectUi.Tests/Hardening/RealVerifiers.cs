using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Tests.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Tests.Hardening;

/// <summary>The connection service over a test database, with the app's real verifiers pointed at one loopback provider.</summary>
public static class RealVerifiers
{
    public static Task<ConnectionsTestDatabase> DatabaseAsync(string providerBaseUrl, TimeSpan timeout) =>
        ConnectionsTestDatabase.CreateAsync(services =>
        {
            services.RemoveAll<IProviderVerifier>();
            services.AddProviders(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectUi:Providers:Konnektive:BaseUrl"] = providerBaseUrl,
                ["ConnectUi:Providers:ConnectWisePsa:BaseUrlOverride"] = providerBaseUrl,
                ["ConnectUi:Providers:ConnectWisePsa:AllowLoopbackOverride"] = "true",
                ["ConnectUi:Outbound:Timeout"] = timeout.ToString(),
            }).Build());

            // Registered last so it wins over the database's fake clock: a call's timeout must run on real time.
            services.AddSingleton(TimeProvider.System);
        });
}
