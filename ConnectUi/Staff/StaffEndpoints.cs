using ConnectUi.Connections;
using ConnectUi.Journeys;
using ConnectUi.Providers;
using ConnectUi.Staff.Audit;
using ConnectUi.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConnectUi.Staff;

/// <summary>The console's HTTP endpoints besides its pages: sign-out, single sign-on and the visit list as JSON.</summary>
public static class StaffEndpoints
{
    public static WebApplication MapStaff(this WebApplication app)
    {
        var staff = app.MapGroup(StaffArea.Prefix).ExcludeFromDescription();

        staff.MapPost("/logout", SignOutAsync).RequireAuthorization(StaffPolicies.Staff);

        staff.MapGet("/login/sso", (HttpContext context, IOptions<SupportOptions> options, [FromQuery] string? returnUrl) =>
            options.Value.OpenIdConnect.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = StaffArea.SafeReturnUrl(returnUrl) }, [StaffOpenIdConnect.Scheme])
                : Results.NotFound())
            .AllowAnonymous();

        staff.MapGet("/api/visits", ListVisitsAsync).RequireAuthorization(StaffPolicies.Staff);
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<StaffUser> signIn, IAuditLog audit)
    {
        var email = context.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? context.User.Identity?.Name ?? "unknown";
        await signIn.SignOutAsync();
        await audit.WriteAsync(email, AuditAction.SignedOut);
        return Results.LocalRedirect(StaffArea.LoginPath);
    }

    /// <summary>The live list as JSON, for scripts and dashboards: the same filters as the page, never a secret.</summary>
    private static async Task<IResult> ListVisitsAsync(
        IVisitDirectory visits,
        TimeProvider time,
        [FromQuery] string? provider,
        [FromQuery] VerificationOutcome? outcome,
        [FromQuery] string? endUser,
        [FromQuery] string? code,
        [FromQuery] bool? stuck,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<VisitSummary> found = code is not null
            ? (await visits.FindByCodeAsync(code, cancellationToken)) is { } visit ? [visit] : []
            : await visits.ListRecentAsync(new VisitFilter(provider, outcome, endUser, stuck == true), cancellationToken);
        var now = time.GetUtcNow();
        return Results.Ok(found.Select(v => new
        {
            v.Id,
            SupportCode = v.DisplayCode,
            v.ProviderId,
            v.EndUserId,
            v.CurrentStep,
            LastOutcome = v.LastOutcome?.ToString(),
            State = v.State.ToString(),
            v.StartedAt,
            v.LastActivityAt,
            v.RefusalCount,
            Stuck = v.IsStuck(now),
        }));
    }
}
