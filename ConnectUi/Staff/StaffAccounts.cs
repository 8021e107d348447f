using ConnectUi.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Staff;

/// <summary>A staff account as the command line lists it.</summary>
public sealed record StaffAccount(string Email, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LockedOutUntil);

/// <summary>What an account change did: succeeded, or the one-line reason it did not.</summary>
public sealed record StaffAccountResult(bool Succeeded, string? Error = null)
{
    public static StaffAccountResult Ok { get; } = new(true);

    public static StaffAccountResult Failed(string error) => new(false, error);

    public static StaffAccountResult From(IdentityResult result) =>
        result.Succeeded ? Ok : Failed(string.Join(" ", result.Errors.Select(e => e.Description)));
}

/// <summary>Creates, lists, removes staff accounts and resets their passwords (the <c>staff</c> commands and the Development seed).</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public async Task<StaffAccountResult> AddAsync(string email, string role, string? password, CancellationToken cancellationToken)
    {
        if (!StaffRoles.IsKnown(role))
        {
            return StaffAccountResult.Failed($"Unknown role '{role}'; use {string.Join(" or ", StaffRoles.All)}.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return StaffAccountResult.Failed($"A staff account with the email {email} already exists.");
        }

        var ensured = await EnsureRoleAsync(role);
        if (!ensured.Succeeded)
        {
            return ensured;
        }

        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow() };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return StaffAccountResult.From(created);
        }

        return StaffAccountResult.From(await users.AddToRoleAsync(user, role));
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().ToListAsync(cancellationToken);
        var accounts = new List<StaffAccount>(all.Count);
        foreach (var user in all.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase))
        {
            var lockedOutUntil = user.LockoutEnd is { } end && end > time.GetUtcNow() ? end : (DateTimeOffset?)null;
            accounts.Add(new StaffAccount(user.Email ?? user.UserName ?? user.Id, [.. await users.GetRolesAsync(user)], user.CreatedAt, lockedOutUntil));
        }

        return accounts;
    }

    public async Task<StaffAccountResult> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        return user is null
            ? StaffAccountResult.Failed($"There is no staff account with the email {email}.")
            : StaffAccountResult.From(await users.DeleteAsync(user));
    }

    /// <summary>Sets a new password, ends any lock-out and changes the security stamp, which signs the account out everywhere.</summary>
    public async Task<StaffAccountResult> ResetPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return StaffAccountResult.Failed($"There is no staff account with the email {email}.");
        }

        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return StaffAccountResult.From(valid);
            }
        }

        if (await users.HasPasswordAsync(user))
        {
            var removed = await users.RemovePasswordAsync(user);
            if (!removed.Succeeded)
            {
                return StaffAccountResult.From(removed);
            }
        }

        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return StaffAccountResult.From(added);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return StaffAccountResult.From(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>Finds the account an identity provider signed in, creating it on first sign-in, with exactly the mapped role.</summary>
    public async Task<StaffUser?> FindOrCreateExternalAsync(string email, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var added = await AddAsync(email, role, password: null, cancellationToken);
            return added.Succeeded ? await users.FindByEmailAsync(email) : null;
        }

        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([role]))
        {
            await EnsureRoleAsync(role);
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    private async Task<StaffAccountResult> EnsureRoleAsync(string role) =>
        await roles.RoleExistsAsync(role) ? StaffAccountResult.Ok : StaffAccountResult.From(await roles.CreateAsync(new IdentityRole(role)));
}
