using ConnectUi.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using S = ConnectUi.Tests.ThirdProvider.Tallybook.TallybookSandbox;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>A stand-in for Tallybook's API: bearer tokens, JSON errors with a code, as the guide describes.</summary>
public static class TallybookSimulator
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + TallybookVerifier.AccountPath + "{accountId}", AccountAsync);

    private static async Task<IResult> AccountAsync(string accountId, HttpRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : string.Empty;
        return token switch
        {
            S.SlowToken => await SimulatorAnswers.NeverAnswerAsync(cancellationToken),
            S.RevokedToken => Error(StatusCodes.Status401Unauthorized, "token_revoked"),
            S.NoScopeToken => Error(StatusCodes.Status403Forbidden, "missing_scope"),
            S.Token when accountId != S.AccountId => Error(StatusCodes.Status404NotFound, "account_not_found"),
            S.Token => Results.Json(new { id = accountId, name = S.AccountName }),
            _ => Error(StatusCodes.Status401Unauthorized, "invalid_token"),
        };
    }

    private static IResult Error(int status, string code) => Results.Json(new { error = code }, statusCode: status);
}
