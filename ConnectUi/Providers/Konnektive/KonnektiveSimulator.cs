using System.Globalization;
using K = ConnectUi.Providers.Konnektive.KonnektiveSandbox;

namespace ConnectUi.Providers.Konnektive;

/// <summary>A minimal stand-in for Konnektive's API, answering as the real one does (see PROVIDERS.md) for every <see cref="KonnektiveSandbox"/> scenario.</summary>
public static class KonnektiveSimulator
{
    private static readonly string[] Logins =
    [
        K.LoginId, K.NoOrdersLoginId, K.IpNotAllowedLoginId, K.PermissionDeniedLoginId, K.SlowLoginId,
        K.ServerErrorLoginId, K.BusyLoginId, K.MalformedLoginId, K.RedirectLoginId,
    ];

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("/" + KonnektiveVerifier.OrderQueryPath, OrderQueryAsync);

    private static async Task<IResult> OrderQueryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Konnektive reads its parameters from the form; credentials in the query string are simply not seen.
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var loginId = form["loginId"].ToString();
        if (!Logins.Contains(loginId, StringComparer.Ordinal) || form["password"] != K.Password)
        {
            return Error("Invalid login credentials");
        }

        switch (loginId)
        {
            case K.IpNotAllowedLoginId:
                return Error($"IP must be whitelisted - {K.ReportedIp}");
            case K.PermissionDeniedLoginId:
                return Error("This API user does not have permission to use the order/query endpoint");
            case K.SlowLoginId:
                return await SimulatorAnswers.NeverAnswerAsync(cancellationToken);
            case K.ServerErrorLoginId:
                return SimulatorAnswers.ServerErrorPage();
            case K.BusyLoginId:
                return Results.Json(new { result = "ERROR" });
            case K.MalformedLoginId:
                return Results.Content("{\"result\":\"SUCC", "application/json");
            case K.RedirectLoginId:
                return Results.Redirect("https://example.com/login");
        }

        if (!IsDate(form["startDate"]) || !IsDate(form["endDate"]) || form["resultsPerPage"] != "1")
        {
            return Error("Invalid startDate, endDate or resultsPerPage");
        }

        return loginId == K.NoOrdersLoginId
            ? Error("No orders matching those parameters could be found")
            : Results.Json(new
            {
                result = "SUCCESS",
                message = new
                {
                    totalResults = 1,
                    resultsPerPage = 1,
                    page = 1,
                    data = new[] { new { orderId = "SANDBOX-1", orderStatus = "COMPLETE", totalAmount = "19.99" } },
                },
            });
    }

    private static bool IsDate(string? value) =>
        DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static IResult Error(string message) => Results.Json(new { result = "ERROR", message });
}
