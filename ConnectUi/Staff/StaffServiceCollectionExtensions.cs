using ConnectUi.Cli;
using ConnectUi.Connections.Storage;
using ConnectUi.Security.Headers;
using ConnectUi.Staff.Audit;
using ConnectUi.Staff.Commands;
using ConnectUi.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Staff;

public static class StaffServiceCollectionExtensions
{
    public const string CookieName = "ConnectUi.Staff";

    /// <summary>
    /// Staff accounts with ASP.NET Core Identity on the app's database: hashed passwords, lock-out, security stamp, an
    /// HttpOnly SameSite=Lax cookie (Secure outside Development), the <c>support</c> and <c>admin</c> roles, optional
    /// OpenID Connect, the audit log and the <c>staff</c> commands.
    /// </summary>
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SupportOptions.Section);
        services.AddOptions<SupportOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SupportOptions>, OpenIdConnectOptionsValidation>());

        // Staff pages are never framed, whatever the embedding settings allow the customer pages.
        services.Configure<FramingOptions>(framing => framing.NeverFramed.Add(StaffArea.Prefix));

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;

                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "P@ssw0rd1".
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ConnectUiDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie => ConfigureCookie(cookie, environment));

        // A removed account or a reset password (new security stamp) ends sessions within a minute, not half an hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var openIdConnect = section.GetSection(nameof(SupportOptions.OpenIdConnect)).Get<StaffOpenIdConnectOptions>() ?? new();
        if (openIdConnect.Enabled)
        {
            authentication.AddStaffOpenIdConnect(openIdConnect, environment);
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Support, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<StaffAccounts>();
        services.TryAddSingleton<IAuditLog, AuditLog>();

        services.AddCliCommand<StaffAddCommand>();
        services.AddCliCommand<StaffListCommand>();
        services.AddCliCommand<StaffRemoveCommand>();
        services.AddCliCommand<StaffResetPasswordCommand>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, IHostEnvironment environment)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = StaffArea.LoginPath;
        cookie.LogoutPath = StaffArea.LogoutPath;
        cookie.AccessDeniedPath = StaffArea.AccessDeniedPath;
        cookie.ReturnUrlParameter = "returnUrl";

        // JSON endpoints answer with a status code; a redirect to an HTML page means nothing to a script.
        cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
    }

    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (StaffArea.IsApi(context.Request.Path) || !StaffArea.Contains(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(
                new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = status,
                    Title = status == StatusCodes.Status401Unauthorized ? "Sign in as a staff member." : "Your staff role does not allow this.",
                },
                (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json");
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>In Development, two accounts to try the console at once (documented in the README); only when no account exists.</summary>
    public static async Task SeedDevelopmentStaffAsync(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            await SeedDevelopmentAccountsAsync(app.Services);
        }
    }

    /// <summary>
    /// Adds <see cref="DevelopmentAccounts"/> to a database without staff accounts. Instances started together on one
    /// empty database seed it at the same moment: the one whose insert collides tries again in a fresh scope, adding
    /// only what the other has not.
    /// </summary>
    public static async Task SeedDevelopmentAccountsAsync(IServiceProvider services)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            if (attempt == 1 && (await accounts.ListAsync(CancellationToken.None)).Count > 0)
            {
                return;
            }

            try
            {
                // An account that exists by now is reported as existing, not added twice.
                foreach (var (email, role, password) in DevelopmentAccounts)
                {
                    await accounts.AddAsync(email, role, password, CancellationToken.None);
                }

                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    /// <summary>The Development seed accounts; the README lists them. Never created outside Development.</summary>
    public static IReadOnlyList<(string Email, string Role, string Password)> DevelopmentAccounts { get; } =
    [
        ("admin@example.com", StaffRoles.Admin, "connectui-admin-dev"),
        ("support@example.com", StaffRoles.Support, "connectui-support-dev"),
    ];

    /// <summary>Signs in and out, and refuses every /support request without a staff member (pages redirect, JSON gets 401).</summary>
    public static IApplicationBuilder UseStaffArea(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app.UseMiddleware<StaffAreaMiddleware>();
    }

    private sealed class OpenIdConnectOptionsValidation : IValidateOptions<SupportOptions>
    {
        public ValidateOptionsResult Validate(string? name, SupportOptions options) =>
            options.OpenIdConnect.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
