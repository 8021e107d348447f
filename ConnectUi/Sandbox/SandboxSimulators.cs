using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using CW = ConnectUi.Sandbox.SandboxCredentials.ConnectWisePsa;
using K = ConnectUi.Sandbox.SandboxCredentials.Konnektive;

namespace ConnectUi.Sandbox;

/// <summary>
/// Minimal stand-ins for Konnektive's and ConnectWise PSA's APIs, answering as the real ones do
/// (see PROVIDERS.md) for every scenario of <see cref="SandboxCredentials"/>.
/// </summary>
public static class SandboxSimulators
{
    public const string KonnektivePrefix = "/sandbox/konnektive";
    public const string ConnectWisePrefix = "/sandbox/connectwise";

    /// <summary>Longer than any sensible outbound timeout; the wait ends as soon as the caller gives up.</summary>
    public static readonly TimeSpan SlowAnswerDelay = TimeSpan.FromMinutes(5);

    private const string ErrorPage = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>";

    /// <summary>The company lookup answers in PascalCase, unlike the REST API.</summary>
    private static readonly JsonSerializerOptions PascalCase = new();

    private static readonly string[] KonnektiveLogins =
    [
        K.LoginId, K.NoOrdersLoginId, K.IpNotAllowedLoginId, K.PermissionDeniedLoginId, K.SlowLoginId,
        K.ServerErrorLoginId, K.BusyLoginId, K.MalformedLoginId, K.RedirectLoginId,
    ];

    private static readonly string[] ConnectWiseUsers = [CW.Username, CW.ReadOnlyUsername, CW.SlowUsername, CW.ServerErrorUsername, CW.BusyUsername];

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var konnektive = endpoints.MapGroup(KonnektivePrefix).WithRawAnswers();
        konnektive.MapPost("/order/query/", KonnektiveOrderQueryAsync);

        var connectWise = endpoints.MapGroup(ConnectWisePrefix).WithRawAnswers();
        connectWise.MapGet("/login/companyinfo/{companyId}", ConnectWiseCompanyInfo);
        connectWise.MapGet("/v4_6_release/apis/3.0/system/info", ConnectWiseSystemInfoAsync);
        return endpoints;
    }

    private static RouteGroupBuilder WithRawAnswers(this RouteGroupBuilder group)
    {
        group.ExcludeFromDescription();
        group.DisableAntiforgery();

        // The app's status-code pages would turn the simulators' bare 404s into HTML pages.
        group.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return await next(context);
        });
        return group;
    }

    private static async Task<IResult> KonnektiveOrderQueryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Konnektive reads its parameters from the form; credentials in the query string are simply not seen.
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var loginId = form["loginId"].ToString();
        if (!KonnektiveLogins.Contains(loginId, StringComparer.Ordinal) || form["password"] != K.Password)
        {
            return KonnektiveError("Invalid login credentials");
        }

        switch (loginId)
        {
            case K.IpNotAllowedLoginId:
                return KonnektiveError($"IP must be whitelisted - {K.ReportedIp}");
            case K.PermissionDeniedLoginId:
                return KonnektiveError("This API user does not have permission to use the order/query endpoint");
            case K.SlowLoginId:
                return await NeverAnswerAsync(cancellationToken);
            case K.ServerErrorLoginId:
                return Results.Content(ErrorPage, "text/html", Encoding.UTF8, StatusCodes.Status500InternalServerError);
            case K.BusyLoginId:
                return Results.Json(new { result = "ERROR" });
            case K.MalformedLoginId:
                return Results.Content("{\"result\":\"SUCC", "application/json");
            case K.RedirectLoginId:
                return Results.Redirect("https://example.com/login");
        }

        if (!IsDate(form["startDate"]) || !IsDate(form["endDate"]) || form["resultsPerPage"] != "1")
        {
            return KonnektiveError("Invalid startDate, endDate or resultsPerPage");
        }

        return loginId == K.NoOrdersLoginId
            ? KonnektiveError("No orders matching those parameters could be found")
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

    private static IResult ConnectWiseCompanyInfo(string companyId)
    {
        // The Company ID is case-sensitive; an unknown one is a bare 404.
        return companyId != CW.CompanyId
            ? Results.StatusCode(StatusCodes.Status404NotFound)
            : Results.Json(new
            {
                CompanyName = CW.CompanyName,
                Codebase = "v2025_1/",
                VersionCode = "v2025.1",
                VersionNumber = CW.ServerVersion,
                CompanyID = CW.CompanyId,
                IsCloud = true,
                SiteUrl = "sandbox.example",
            }, PascalCase);
    }

    private static async Task<IResult> ConnectWiseSystemInfoAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var version = RequestedApiVersion(request.Headers.Accept.ToString());
        if (!IsSupportedApiVersion(version))
        {
            return ConnectWiseError(StatusCodes.Status400BadRequest, "InvalidObject", $"The server does not support the API version '{version}'.");
        }

        if (request.Headers["clientId"] != CW.ClientId)
        {
            return ConnectWiseError(StatusCodes.Status400BadRequest, "InvalidObject", "A valid clientId header is required. Register your integration at developer.connectwise.com.");
        }

        var (username, password) = BasicCredentials(request.Headers.Authorization.ToString());
        if (!ConnectWiseUsers.Contains(username, StringComparer.Ordinal) || password != CW.Password)
        {
            return ConnectWiseError(StatusCodes.Status401Unauthorized, "UserNotAuthenticated", "Authentication failed.");
        }

        return username switch
        {
            CW.ReadOnlyUsername => ConnectWiseError(StatusCodes.Status403Forbidden, "Security", "You do not have security permission to access System Info."),
            CW.SlowUsername => await NeverAnswerAsync(cancellationToken),
            CW.ServerErrorUsername => Results.Content(ErrorPage, "text/html", Encoding.UTF8, StatusCodes.Status500InternalServerError),
            CW.BusyUsername => ConnectWiseError(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests. Try again later."),
            _ => Results.Json(new { version = CW.ServerVersion, isCloud = true, serverTimeZone = "Eastern Standard Time" }),
        };
    }

    /// <summary>The version parameter of the first media type of the Accept header, as ConnectWise reads it.</summary>
    private static string RequestedApiVersion(string accept)
    {
        var first = accept.Split(',', 2)[0];
        return MediaTypeHeaderValue.TryParse(first, out var media)
            && media.MediaType == "application/vnd.connectwise.com+json"
            && media.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase))?.Value is { } value
            ? value
            : string.Empty;
    }

    private static bool IsSupportedApiVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2019 and <= 2025
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var release) && release >= 1;
    }

    private static (string Username, string Password) BasicCredentials(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return (string.Empty, string.Empty);
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (pair[0], pair[1]) : (string.Empty, string.Empty);
        }
        catch (FormatException)
        {
            return (string.Empty, string.Empty);
        }
    }

    private static async Task<IResult> NeverAnswerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(SlowAnswerDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up, which is the point of this scenario.
        }

        return Results.Empty;
    }

    private static bool IsDate(string? value) =>
        DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static IResult KonnektiveError(string message) => Results.Json(new { result = "ERROR", message });

    private static IResult ConnectWiseError(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);
}
