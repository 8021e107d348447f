using ConnectUi.Staff.Audit;
using ConnectUi.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ConnectUi.Staff;

/// <summary>
/// Single sign-on: the identity provider vouches for the person, the configured mapping turns one of their claims
/// into a staff role, and the console's own cookie is issued for a local account (created on first sign-in), so lock-out,
/// removal, roles and the audit log work the same as for password accounts. Without a mapped claim, nothing is granted.
/// </summary>
public static class StaffOpenIdConnect
{
    public const string Scheme = "StaffOidc";

    public static AuthenticationBuilder AddStaffOpenIdConnect(this AuthenticationBuilder authentication, StaffOpenIdConnectOptions settings, IHostEnvironment environment) =>
        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, options => Configure(options, settings, environment));

    /// <summary>Applies the settings; public so a test can check the resulting options without an identity provider.</summary>
    public static void Configure(OpenIdConnectOptions options, StaffOpenIdConnectOptions settings, IHostEnvironment environment)
    {
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.RequireHttpsMetadata = true;
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.CallbackPath = StaffArea.OpenIdConnectCallbackPath;
        options.SignedOutCallbackPath = StaffArea.OpenIdConnectSignedOutCallbackPath;
        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" })
        {
            options.Scope.Add(scope);
        }

        options.CorrelationCookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.NonceCookie.SecurePolicy = options.CorrelationCookie.SecurePolicy;
        options.Events.OnTicketReceived = context => SignInStaffAsync(context, settings);
        options.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect(StaffArea.LoginPath + "?error=sso");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    private static async Task SignInStaffAsync(TicketReceivedContext context, StaffOpenIdConnectOptions settings)
    {
        var services = context.HttpContext.RequestServices;
        var audit = services.GetRequiredService<IAuditLog>();
        var principal = context.Principal!;
        var email = principal.FindFirst("email")?.Value ?? principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
        var role = settings.RoleFor(principal.FindAll(settings.RoleClaim).Select(c => c.Value));
        if (email is null || role is null)
        {
            await audit.WriteAsync(email ?? "(no email claim)", AuditAction.SignInFailed, detail: "Single sign-on: no staff role is mapped to this person's claims.");
            context.Response.Redirect(StaffArea.LoginPath + "?error=sso-role");
            context.HandleResponse();
            return;
        }

        var user = await services.GetRequiredService<StaffAccounts>().FindOrCreateExternalAsync(email, role, context.HttpContext.RequestAborted);
        if (user is null || await services.GetRequiredService<UserManager<StaffUser>>().IsLockedOutAsync(user))
        {
            await audit.WriteAsync(email, AuditAction.SignInFailed, detail: "Single sign-on: the staff account is locked out or could not be created.");
            context.Response.Redirect(StaffArea.LoginPath + "?error=sso");
            context.HandleResponse();
            return;
        }

        await services.GetRequiredService<SignInManager<StaffUser>>().SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
        await audit.WriteAsync(email, AuditAction.SignedIn, detail: "Single sign-on");
        context.Response.Redirect(StaffArea.SafeReturnUrl(context.ReturnUri));
        context.HandleResponse();
    }
}
