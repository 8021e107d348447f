using ConnectUi.Providers;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace ConnectUi.Sandbox;

/// <summary>
/// The address the simulators answer on. Kestrel picks its ports at start, so the address is looked up
/// at first use, from the server's bound addresses, preferring plain HTTP on loopback.
/// </summary>
public sealed class SandboxAddress(IOptions<SandboxOptions> options, IServiceProvider services) : ISimulatorAddress
{
    /// <summary>Each provider's simulator is mounted at <c>/sandbox/{provider id}</c>.</summary>
    public const string PathPrefix = "/sandbox/";

    private string? _baseUrl;

    public string BaseUrl => _baseUrl ??= Resolve();

    public string For(ProviderDefinition provider) => BaseUrl + PathFor(provider);

    public static string PathFor(ProviderDefinition provider) => PathPrefix + provider.Id;

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
        {
            return options.Value.BaseUrl.TrimEnd('/');
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = addresses
            .Select(a => Uri.TryCreate(ToLoopback(a), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ThenBy(uri => uri.IsLoopback ? 0 : 1)
            .ToArray();
        return candidates.Length > 0
            ? candidates[0].GetLeftPart(UriPartial.Authority)
            : throw new InvalidOperationException($"The sandbox address is not known until the server listens; set {SandboxOptions.Section}:BaseUrl.");
    }

    /// <summary>Wildcard bindings (0.0.0.0, [::], +, *) answer on loopback too; a URL cannot name a wildcard.</summary>
    private static string ToLoopback(string address)
    {
        foreach (var wildcard in new[] { "//0.0.0.0:", "//[::]:", "//+:", "//*:" })
        {
            address = address.Replace(wildcard, "//127.0.0.1:", StringComparison.Ordinal);
        }

        return address;
    }
}
