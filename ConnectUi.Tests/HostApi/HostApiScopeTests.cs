using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ConnectUi.HostApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.HostApi;

/// <summary>
/// Every host API endpoint, found by enumerating the app's routes (not listed by hand), requires exactly one scope, and a
/// key is admitted exactly where its scopes say.
/// </summary>
public sealed partial class HostApiScopeTests : IAsyncLifetime
{
    private readonly HostApiTestApp _app = new(KeySettings());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A key with only <paramref name="scope"/>, in one tenant with the others.</summary>
    private static string KeyWithOnly(string scope) => "only-" + scope.Replace(':', '-');

    private static Dictionary<string, string?> KeySettings()
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < HostApiScopes.All.Count; i++)
        {
            settings[$"ConnectUi:TenantKeys:{i}:Sha256"] = HostApiTestApp.Hash(KeyWithOnly(HostApiScopes.All[i]));
            settings[$"ConnectUi:TenantKeys:{i}:Tenant"] = "acme";
            settings[$"ConnectUi:TenantKeys:{i}:Scopes:0"] = HostApiScopes.All[i];
        }

        return settings;
    }

    private IReadOnlyList<RouteEndpoint> HostApiEndpoints()
    {
        using var _ = _app.CreateClient();
        return _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ConnectUi.HostApi.HostApiEndpoints.Prefix + "/", StringComparison.Ordinal) == true)
            .ToArray();
    }

    [Fact]
    public void Every_host_api_endpoint_requires_exactly_one_known_scope()
    {
        var endpoints = HostApiEndpoints();

        Assert.True(endpoints.Count >= 9, $"Only {endpoints.Count} host API endpoints were found; the enumeration is broken.");
        Assert.All(endpoints, endpoint =>
        {
            var scopes = endpoint.Metadata.GetOrderedMetadata<HostApiScopeRequirement>();
            Assert.True(scopes.Count == 1, $"{endpoint.DisplayName} requires {scopes.Count} scopes; use .RequireScope(...) once.");
            Assert.Contains(scopes[0].Scope, HostApiScopes.All);
        });
    }

    [Fact]
    public async Task Each_endpoint_admits_the_key_with_its_scope_and_refuses_every_other_key_with_403()
    {
        foreach (var endpoint in HostApiEndpoints())
        {
            var required = endpoint.Metadata.GetRequiredMetadata<HostApiScopeRequirement>().Scope;
            foreach (var scope in HostApiScopes.All)
            {
                using var client = _app.CreateHostClient(KeyWithOnly(scope));
                var response = await client.SendAsync(RequestFor(endpoint));
                var what = $"{endpoint.DisplayName} with a key of scope {scope}";
                if (scope == required)
                {
                    Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{what}: {response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {response.StatusCode}, expected 403");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Contains(required, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>A request the endpoint accepts once past the scope check: route values filled, a valid body where it takes one.</summary>
    private static HttpRequestMessage RequestFor(RouteEndpoint endpoint)
    {
        var method = endpoint.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods[0];
        var path = GuidParameter().Replace(endpoint.RoutePattern.RawText!, Guid.NewGuid().ToString());
        path = OtherParameter().Replace(path, "msg_unknown");
        var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/') + (method == "GET" ? "?endUserId=user-1" : string.Empty));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { endUserId = "user-1" });
        }

        return request;
    }

    [GeneratedRegex(@"\{[^}]+:guid\}")]
    private static partial Regex GuidParameter();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex OtherParameter();
}
