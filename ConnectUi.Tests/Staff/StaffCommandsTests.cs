using ConnectUi.Cli;
using ConnectUi.Staff;
using ConnectUi.Storage;
using ConnectUi.Tests.HostApi;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Staff;

/// <summary>The <c>staff</c> commands against the app's real services and a database of their own.</summary>
public sealed class StaffCommandsTests : IAsyncLifetime
{
    private readonly HostApiTestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Code, string Out, string Error)> RunAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(_app.Services, args, new StringReader(input ?? string.Empty), output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }

    [Fact]
    public async Task Staff_add_reads_the_password_from_standard_input_and_creates_the_account()
    {
        var (code, output, error) = await RunAsync("a long passphrase here\n", "staff", "add", "--email", "ann@example.com", "--role", "admin", "--password-stdin");

        Assert.Equal(CliExitCode.Success, code);
        Assert.Equal("Added ann@example.com (admin)." + Environment.NewLine, output);
        Assert.Empty(error);
        Assert.True(await PasswordWorksAsync("ann@example.com", "a long passphrase here"));

        var (listCode, list, _) = await RunAsync(null, "staff", "list");
        Assert.Equal(CliExitCode.Success, listCode);
        Assert.StartsWith("ann@example.com\tadmin\tcreated ", list, StringComparison.Ordinal);
        Assert.DoesNotContain("passphrase", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "error: no password on standard input")]
    [InlineData("short\n", "error: Passwords must be at least 12 characters.")]
    public async Task Staff_add_refuses_a_missing_or_weak_password_in_one_line(string input, string expected)
    {
        var (code, output, error) = await RunAsync(input, "staff", "add", "--email", "ann@example.com", "--role", "support", "--password-stdin");

        Assert.Equal(CliExitCode.Failure, code);
        Assert.Empty(output);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Staff_add_never_takes_a_password_as_an_argument()
    {
        var (code, _, error) = await RunAsync(null, "staff", "add", "--email", "ann@example.com", "--role", "admin", "--password", "in-the-shell-history");
        Assert.Equal(CliExitCode.Usage, code);
        Assert.StartsWith("error: staff add: unknown option --password;", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_add_refuses_an_unknown_role_and_a_duplicate()
    {
        var (roleCode, _, roleError) = await RunAsync("a long passphrase here\n", "staff", "add", "--email", "ann@example.com", "--role", "root", "--password-stdin");
        Assert.Equal(CliExitCode.Failure, roleCode);
        Assert.Equal("error: unknown role 'root'; use support or admin" + Environment.NewLine, roleError);

        await RunAsync("a long passphrase here\n", "staff", "add", "--email", "ann@example.com", "--role", "admin", "--password-stdin");
        var (code, _, error) = await RunAsync("another passphrase\n", "staff", "add", "--email", "ann@example.com", "--role", "support", "--password-stdin");
        Assert.Equal(CliExitCode.Failure, code);
        Assert.Equal("error: A staff account with the email ann@example.com already exists." + Environment.NewLine, error);
    }

    [Fact]
    public async Task Staff_reset_password_replaces_the_password_and_ends_a_lock_out()
    {
        await _app.AddStaffAsync("sam@example.com", StaffRoles.Support, "the first passphrase");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("sam@example.com"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        }

        var (code, output, _) = await RunAsync("the second passphrase\n", "staff", "reset-password", "--email", "sam@example.com", "--password-stdin");

        Assert.Equal(CliExitCode.Success, code);
        Assert.Equal("Password of sam@example.com reset." + Environment.NewLine, output);
        Assert.False(await PasswordWorksAsync("sam@example.com", "the first passphrase"));
        Assert.True(await PasswordWorksAsync("sam@example.com", "the second passphrase"));
        var (_, list, _) = await RunAsync(null, "staff", "list");
        Assert.DoesNotContain("locked out", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_remove_deletes_the_account_and_reports_an_unknown_one()
    {
        await _app.AddStaffAsync("sam@example.com", StaffRoles.Support);

        var (code, output, _) = await RunAsync(null, "staff", "remove", "--email", "sam@example.com");
        Assert.Equal(CliExitCode.Success, code);
        Assert.Equal("Removed sam@example.com." + Environment.NewLine, output);

        var (again, _, error) = await RunAsync(null, "staff", "remove", "--email", "sam@example.com");
        Assert.Equal(CliExitCode.Failure, again);
        Assert.Equal("error: There is no staff account with the email sam@example.com." + Environment.NewLine, error);
        var (_, list, _) = await RunAsync(null, "staff", "list");
        Assert.Empty(list);
    }
}
