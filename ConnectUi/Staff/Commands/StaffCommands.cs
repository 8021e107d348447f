using ConnectUi.Storage;
using System.Globalization;
using ConnectUi.Cli;
using ConnectUi.Connections.Storage;

namespace ConnectUi.Staff.Commands;

/// <summary>What the <c>staff</c> commands share: the schema is brought up to date first, so the first account can be created on a fresh install.</summary>
public abstract class StaffCommand : ICliCommand
{
    protected static readonly CliOption Email = new("email", "<email>", Required: true, "The staff member's email (their sign-in name).");

    protected static readonly CliOption PasswordStdin = new("password-stdin", null, Required: true,
        "Read the password from the first line of standard input; passwords are never command-line arguments.");

    public abstract string Name { get; }
    public abstract string Summary { get; }
    public abstract IReadOnlyList<CliOption> Options { get; }

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        await invocation.Services.MigrateConnectUiDatabaseAsync(cancellationToken);
        await using var scope = invocation.Services.CreateAsyncScope();
        return await RunAsync(invocation, scope.ServiceProvider.GetRequiredService<StaffAccounts>(), cancellationToken);
    }

    protected abstract Task<int> RunAsync(CliInvocation invocation, StaffAccounts accounts, CancellationToken cancellationToken);

    /// <summary>The password from standard input, or null after writing why there is none.</summary>
    protected static string? ReadPassword(CliInvocation invocation)
    {
        var password = invocation.ReadSecretLine();
        if (string.IsNullOrEmpty(password))
        {
            invocation.Fail("no password on standard input (pipe it in: printf '%s\\n' \"$PASSWORD\" | ...)");
            return null;
        }

        return password;
    }

    protected static int Report(CliInvocation invocation, StaffAccountResult result, string done)
    {
        if (!result.Succeeded)
        {
            return invocation.Fail(result.Error!);
        }

        invocation.Out.WriteLine(done);
        return CliExitCode.Success;
    }
}

public sealed class StaffAddCommand : StaffCommand
{
    private static readonly CliOption Role = new("role", "support|admin", Required: true, "The staff role.");

    public override string Name => "staff add";
    public override string Summary => "Creates a staff account.";
    public override IReadOnlyList<CliOption> Options { get; } = [Email, Role, PasswordStdin];

    protected override async Task<int> RunAsync(CliInvocation invocation, StaffAccounts accounts, CancellationToken cancellationToken)
    {
        var role = invocation.Option(Role.Name)!;
        if (!StaffRoles.IsKnown(role))
        {
            return invocation.Fail($"unknown role '{role}'; use support or admin");
        }

        if (ReadPassword(invocation) is not { } password)
        {
            return CliExitCode.Failure;
        }

        var email = invocation.Option(Email.Name)!;
        return Report(invocation, await accounts.AddAsync(email, role, password, cancellationToken), $"Added {email} ({role}).");
    }
}

public sealed class StaffListCommand : StaffCommand
{
    public override string Name => "staff list";
    public override string Summary => "Lists staff accounts: email, role, created, lock-out.";
    public override IReadOnlyList<CliOption> Options { get; } = [];

    protected override async Task<int> RunAsync(CliInvocation invocation, StaffAccounts accounts, CancellationToken cancellationToken)
    {
        foreach (var account in await accounts.ListAsync(cancellationToken))
        {
            var lockedOut = account.LockedOutUntil is { } until ? $"\tlocked out until {until.ToString("u", CultureInfo.InvariantCulture)}" : string.Empty;
            invocation.Out.WriteLine($"{account.Email}\t{string.Join(',', account.Roles)}\tcreated {account.CreatedAt.ToString("u", CultureInfo.InvariantCulture)}{lockedOut}");
        }

        return CliExitCode.Success;
    }
}

public sealed class StaffRemoveCommand : StaffCommand
{
    public override string Name => "staff remove";
    public override string Summary => "Deletes a staff account; its open console sessions end within a minute.";
    public override IReadOnlyList<CliOption> Options { get; } = [Email];

    protected override async Task<int> RunAsync(CliInvocation invocation, StaffAccounts accounts, CancellationToken cancellationToken)
    {
        var email = invocation.Option(Email.Name)!;
        return Report(invocation, await accounts.RemoveAsync(email, cancellationToken), $"Removed {email}.");
    }
}

public sealed class StaffResetPasswordCommand : StaffCommand
{
    public override string Name => "staff reset-password";
    public override string Summary => "Sets a new password, ends a lock-out and signs the account out everywhere.";
    public override IReadOnlyList<CliOption> Options { get; } = [Email, PasswordStdin];

    protected override async Task<int> RunAsync(CliInvocation invocation, StaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (ReadPassword(invocation) is not { } password)
        {
            return CliExitCode.Failure;
        }

        var email = invocation.Option(Email.Name)!;
        return Report(invocation, await accounts.ResetPasswordAsync(email, password, cancellationToken), $"Password of {email} reset.");
    }
}
