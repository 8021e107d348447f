using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text;
using CW = ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox;

namespace ConnectUi.Providers.ConnectWisePsa;

/// <summary>A minimal stand-in for ConnectWise PSA's API, answering as the real one does (see PROVIDERS.md) for every <see cref="ConnectWisePsaSandbox"/> scenario.</summary>
public static class ConnectWisePsaSimulator
{
    /// <summary>The company lookup answers in PascalCase, unlike the REST API.</summary>
    private static readonly JsonSerializerOptions PascalCase = new();

    private static readonly string[] Users = [CW.Username, CW.ReadOnlyUsername, CW.SlowUsername, CW.ServerErrorUsername, CW.BusyUsername];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login/companyinfo/{companyId}", CompanyInfo);
        endpoints.MapGet("/v4_6_release/apis/3.0/system/info", SystemInfoAsync);
    }

    private static IResult CompanyInfo(string companyId)
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

    private static async Task<IResult> SystemInfoAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var version = RequestedApiVersion(request.Headers.Accept.ToString());
        if (!IsSupportedApiVersion(version))
        {
            return Error(StatusCodes.Status400BadRequest, "InvalidObject", $"The server does not support the API version '{version}'.");
        }

        if (request.Headers["clientId"] != CW.ClientId)
        {
            return Error(StatusCodes.Status400BadRequest, "InvalidObject", "A valid clientId header is required. Register your integration at developer.connectwise.com.");
        }

        var (username, password) = BasicCredentials(request.Headers.Authorization.ToString());
        if (!Users.Contains(username, StringComparer.Ordinal) || password != CW.Password)
        {
            return Error(StatusCodes.Status401Unauthorized, "UserNotAuthenticated", "Authentication failed.");
        }

        return username switch
        {
            CW.ReadOnlyUsername => Error(StatusCodes.Status403Forbidden, "Security", "You do not have security permission to access System Info."),
            CW.SlowUsername => await SimulatorAnswers.NeverAnswerAsync(cancellationToken),
            CW.ServerErrorUsername => SimulatorAnswers.ServerErrorPage(),
            CW.BusyUsername => Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests. Try again later."),
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

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);
}
