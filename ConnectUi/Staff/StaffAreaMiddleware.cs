using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ConnectUi.Staff;

/// <summary>
/// Refuses every request under /support without a signed-in staff member, whatever endpoint (or none) it reaches: pages
/// are redirected to the sign-in page, JSON endpoints get 401. Host API keys and connect sessions are not identities,
/// so they never get past it. Endpoint metadata and the router check the same policy again.
/// </summary>
public sealed class StaffAreaMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAuthorizationService authorization)
    {
        if (StaffArea.Contains(context.Request.Path) && !StaffArea.IsPublic(context.Request.Path))
        {
            var result = await authorization.AuthorizeAsync(context.User, StaffPolicies.Staff);
            if (!result.Succeeded)
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    await context.ForbidAsync();
                }
                else
                {
                    await context.ChallengeAsync();
                }

                return;
            }
        }

        await next(context);
    }
}
