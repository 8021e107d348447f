using System.Globalization;
using ConnectUi.Cli;
using ConnectUi.Sessions;
using ConnectUi.Staff.Audit;
using ConnectUi.Storage;

namespace ConnectUi.HostApi.Keys;

/// <summary>What the <c>keys</c> commands share: the schema is brought up to date first, and each change is audited.</summary>
public abstract class KeysCommand : ICliCommand
{
    public abstract string Name { get; }
    public abstract string Summary { get; }
    public abstract IReadOnlyList<CliOption> Options { get; }

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        await invocation.Services.MigrateConnectUiDatabaseAsync(cancellationToken);
        return await RunAsync(invocation, invocation.Services.GetRequiredService<IHostApiKeyStore>(), cancellationToken);
    }

    protected abstract Task<int> RunAsync(CliInvocation invocation, IHostApiKeyStore keys, CancellationToken cancellationToken);

    /// <summary>Who ran the command, as the audit log names them.</summary>
    protected static string Actor => "cli:" + Environment.UserName;

    protected static Task AuditAsync(CliInvocation invocation, AuditAction action, string subject, string detail, CancellationToken cancellationToken) =>
        invocation.Services.GetRequiredService<IAuditLog>().WriteAsync(Actor, action, subject, detail, cancellationToken);

    /// <summary>The English text of a refused creation, as the CLI and the host API write it.</summary>
    public static string Describe(HostApiKeyProblem problem) => problem switch
    {
        HostApiKeyProblem.NameMissing => "give the key a name (what it is for)",
        HostApiKeyProblem.NameTooLong => $"the name is longer than {HostApiKeyStore.MaxNameLength} characters",
        HostApiKeyProblem.TenantInvalid => TenantIds.Rule,
        _ => $"scopes may only be {string.Join(", ", HostApiScopes.All)} (none means all)",
    };
}

public sealed class KeysCreateCommand : KeysCommand
{
    private static readonly CliOption Tenant = new("tenant", "<tenant>", Required: true, "The tenant (host application) the key belongs to.");
    private static readonly CliOption KeyName = new("name", "<name>", Required: true, "What the key is for, e.g. \"Acme production backend\".");
    private static readonly CliOption Scopes = new("scopes", "<scope,...>", Required: false,
        $"Comma-separated: {string.Join(", ", HostApiScopes.All)}. Default: all.");

    public override string Name => "keys create";
    public override string Summary => "Creates a host API key and prints it once; only its hash is stored.";
    public override IReadOnlyList<CliOption> Options { get; } = [Tenant, KeyName, Scopes];

    protected override async Task<int> RunAsync(CliInvocation invocation, IHostApiKeyStore keys, CancellationToken cancellationToken)
    {
        var scopes = invocation.Option(Scopes.Name) is { } text ? new[] { text } : null;
        var created = await keys.CreateAsync(invocation.Option(KeyName.Name), invocation.Option(Tenant.Name), scopes, Actor, cancellationToken);
        if (!created.Succeeded)
        {
            return invocation.Fail(Describe(created.Problem!.Value));
        }

        var info = created.Info!;
        await AuditAsync(invocation, AuditAction.HostApiKeyCreated, info.Id, $"{info.TenantId}: {HostApiScopes.Format(info.Scopes)}", cancellationToken);
        // The key alone on standard output, so a script can capture it; what it is goes to standard error.
        invocation.Out.WriteLine(created.Key);
        invocation.Error.WriteLine($"Created key {info.Id} for tenant {info.TenantId} ({HostApiScopes.Format(info.Scopes)}). It is shown only now: store it in the host's secret store.");
        return CliExitCode.Success;
    }
}

public sealed class KeysListCommand : KeysCommand
{
    public override string Name => "keys list";
    public override string Summary => "Lists host API keys: id, tenant, scopes, name, where it comes from, revoked. Never a key.";
    public override IReadOnlyList<CliOption> Options { get; } = [];

    protected override async Task<int> RunAsync(CliInvocation invocation, IHostApiKeyStore keys, CancellationToken cancellationToken)
    {
        foreach (var key in await keys.ListAsync(cancellationToken))
        {
            var source = key.FromConfiguration ? "configuration" : $"created {key.CreatedAt?.ToString("u", CultureInfo.InvariantCulture)} by {key.CreatedBy}";
            var revoked = key.RevokedAt is { } at ? $"\trevoked {at.ToString("u", CultureInfo.InvariantCulture)} by {key.RevokedBy}" : string.Empty;
            invocation.Out.WriteLine($"{key.Id}\t{key.TenantId}\t{HostApiScopes.Format(key.Scopes)}\t{key.Name ?? "-"}\t{source}{revoked}");
        }

        return CliExitCode.Success;
    }
}

public sealed class KeysRevokeCommand : KeysCommand
{
    private static readonly CliOption Id = new("id", "<key id>", Required: true, "The key's id, as keys list shows it.");

    public override string Name => "keys revoke";
    public override string Summary => "Revokes a host API key; the next request with it is refused, on every instance.";
    public override IReadOnlyList<CliOption> Options { get; } = [Id];

    protected override async Task<int> RunAsync(CliInvocation invocation, IHostApiKeyStore keys, CancellationToken cancellationToken)
    {
        var id = invocation.Option(Id.Name)!;
        switch (await keys.RevokeAsync(id, Actor, cancellationToken))
        {
            case HostApiKeyRevocation.Revoked:
                await AuditAsync(invocation, AuditAction.HostApiKeyRevoked, id, "revoked", cancellationToken);
                invocation.Out.WriteLine($"Revoked key {id}.");
                return CliExitCode.Success;
            case HostApiKeyRevocation.AlreadyRevoked:
                invocation.Out.WriteLine($"Key {id} was already revoked.");
                return CliExitCode.Success;
            case HostApiKeyRevocation.FromConfiguration:
                return invocation.Fail($"key {id} is set in configuration (ConnectUi:HostApiKeys or ConnectUi:TenantKeys): remove it there and restart");
            default:
                return invocation.Fail($"there is no key {id} (keys list shows the ids)");
        }
    }
}

public sealed class KeysAssignUnownedCommand : KeysCommand
{
    private static readonly CliOption Tenant = new("tenant", "<tenant>", Required: true, "The tenant that takes them.");

    public override string Name => "keys assign-unowned";
    public override string Summary => "Gives connections saved before tenancy (or without a session) to a tenant, so its keys see them.";
    public override IReadOnlyList<CliOption> Options { get; } = [Tenant];

    protected override async Task<int> RunAsync(CliInvocation invocation, IHostApiKeyStore keys, CancellationToken cancellationToken)
    {
        var tenant = invocation.Option(Tenant.Name)!;
        if (!TenantIds.IsValid(tenant))
        {
            return invocation.Fail(TenantIds.Rule);
        }

        var assigned = await keys.AssignUnownedAsync(tenant, cancellationToken);
        await AuditAsync(invocation, AuditAction.UnownedConnectionsAssigned, tenant, $"{assigned} connections", cancellationToken);
        invocation.Out.WriteLine($"Assigned {assigned} connection(s) without a tenant to {tenant}.");
        return CliExitCode.Success;
    }
}
