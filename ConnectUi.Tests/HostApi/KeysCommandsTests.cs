using System.Net;
using ConnectUi.Cli;
using ConnectUi.Staff;
using ConnectUi.Staff.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.HostApi;

/// <summary>The <c>keys</c> commands against the app's real services and a database of their own.</summary>
public sealed class KeysCommandsTests : IAsyncLifetime
{
    private readonly HostApiTestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(_app.Services, args, new StringReader(string.Empty), output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Keys_create_prints_the_key_once_and_list_and_revoke_work_with_its_id()
    {
        var (code, output, error) = await RunAsync("keys", "create", "--tenant", "acme", "--name", "Acme billing", "--scopes", "connections:read,credentials:read");

        Assert.Equal(CliExitCode.Success, code);
        var key = output.Trim();
        Assert.StartsWith("cuk_", key, StringComparison.Ordinal);
        Assert.Contains("for tenant acme (connections:read credentials:read)", error, StringComparison.Ordinal);
        using var client = _app.CreateHostClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/connections?endUserId=user-1")).StatusCode);

        var (_, list, _) = await RunAsync("keys", "list");
        var line = Assert.Single(list.Split(Environment.NewLine), l => l.Contains("Acme billing", StringComparison.Ordinal));
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        var id = line.Split('\t')[0];
        Assert.Equal(HostApiTestApp.Hash(key)[..12], id);

        var (revokeCode, revoked, _) = await RunAsync("keys", "revoke", "--id", id);
        Assert.Equal(CliExitCode.Success, revokeCode);
        Assert.Equal($"Revoked key {id}." + Environment.NewLine, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/connections?endUserId=user-1")).StatusCode);
        Assert.Contains("\trevoked ", (await RunAsync("keys", "list")).Out, StringComparison.Ordinal);

        var audit = await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.HostApiKeyCreated, AuditAction.HostApiKeyRevoked], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("cli:", e.Actor, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => (e.Detail ?? string.Empty).Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Acme Corp", null, "error: a tenant id is 1 to 64 lower-case letters")]
    [InlineData("acme", "connections:write", "error: scopes may only be sessions:create, connections:read, credentials:read, connections:delete")]
    public async Task Keys_create_refuses_a_bad_tenant_or_scope_in_one_line(string tenant, string? scopes, string expected)
    {
        string[] args = scopes is null
            ? ["keys", "create", "--tenant", tenant, "--name", "x"]
            : ["keys", "create", "--tenant", tenant, "--name", "x", "--scopes", scopes];
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(CliExitCode.Failure, code);
        Assert.Empty(output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_revoke_explains_a_configured_key_and_an_unknown_id()
    {
        var configured = HostApiTestApp.Hash(HostApiTestApp.ApiKey)[..12];

        var (code, _, error) = await RunAsync("keys", "revoke", "--id", configured);
        Assert.Equal(CliExitCode.Failure, code);
        Assert.Contains("is set in configuration", error, StringComparison.Ordinal);

        var (unknownCode, _, unknown) = await RunAsync("keys", "revoke", "--id", "000000000000");
        Assert.Equal(CliExitCode.Failure, unknownCode);
        Assert.Equal("error: there is no key 000000000000 (keys list shows the ids)" + Environment.NewLine, unknown);
    }
}
