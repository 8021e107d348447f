using ConnectUi.Abuse;
using ConnectUi.HostApi.Keys;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ConnectUi.HostApi;

/// <summary>
/// In front of every <c>/api</c> request, before the rate limiter: the API key check (before any body is read, limited
/// per client address when it fails), the body size limit, and a problem+json body for every error, so a host never
/// gets the app's HTML error pages.
/// </summary>
public sealed partial class HostApiMiddleware(
    RequestDelegate next,
    HostApiKeyChecker keys,
    FailedAuthenticationLimiter failedAuthentication,
    IOptions<HostApiOptions> options,
    ILogger<HostApiMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IHostApiKeyStore storedKeys)
    {
        var address = CallerAddress.Of(context) ?? IAttemptPartition.Unknown;
        try
        {
            if (await failedAuthentication.BlockedForAsync(address, context.RequestAborted) is { } wait)
            {
                LogAuthenticationBlocked(address);
                await HostApiRateLimiting.WriteTooManyRequestsAsync(context, wait);
                return;
            }
        }
        catch (LimitsUnavailableException exception)
        {
            // Redis cannot be reached: refuse, rather than let key guesses through uncounted.
            LogLimitsUnavailable(exception);
            await HostApiRateLimiting.WriteTooManyRequestsAsync(context, RedisLimiterStore.UnavailableRetryAfter, limitsUnavailable: true);
            return;
        }

        var presented = HostApiKeyChecker.HashOf(HostApiKeyChecker.ReadKey(context.Request));
        HostApiCaller? caller;
        try
        {
            caller = presented is null ? null
                : keys.Authenticate(presented) ?? await storedKeys.FindActiveAsync(presented, context.RequestAborted);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The database holding run-time keys cannot be reached: say so, rather than 401 (the key may be right).
            LogKeyLookupFailed(exception);
            await HostApiProblems.Write(context, StatusCodes.Status503ServiceUnavailable, "The API key cannot be checked right now.",
                "Try again shortly; nothing was changed.");
            return;
        }

        if (caller is null)
        {
            await RecordFailureAsync(address, context.RequestAborted);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await HostApiProblems.Write(context, StatusCodes.Status401Unauthorized, "A valid host API key is required.",
                "Send the key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
            return;
        }

        context.Features.Set(caller);

        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await HostApiProblems.Write(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"The host API accepts bodies of at most {limit} bytes.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await HostApiProblems.Write(context, exception.StatusCode, "The request could not be read.", exception.Message);
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await HostApiProblems.Write(context, StatusCodes.Status500InternalServerError, "The request failed.",
                "Something went wrong on our side; nothing was changed. Try again, and contact support if it persists.");
            return;
        }

        // Unknown routes, wrong methods and failed parameter binding end with an empty body; give them a problem body.
        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
        {
            await HostApiProblems.Write(context, response.StatusCode, TitleFor(response.StatusCode), detail: null);
        }
    }

    /// <summary>Counts the failure; when the store cannot be reached the 401 still goes out, and the next request is refused by the check above.</summary>
    private async Task RecordFailureAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            await failedAuthentication.RecordFailureAsync(address, cancellationToken);
        }
        catch (LimitsUnavailableException exception)
        {
            LogLimitsUnavailable(exception);
        }
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid.",
        StatusCodes.Status404NotFound => "There is no such resource.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed here.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => "The request failed.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host API request from {Address} refused: too many failed authentications")]
    private partial void LogAuthenticationBlocked(string address);

    [LoggerMessage(Level = LogLevel.Error, Message = "The failed-authentication counts cannot be reached (Redis); host API requests are refused until they can")]
    private partial void LogLimitsUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking up a host API key in the database failed")]
    private partial void LogKeyLookupFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Host API request {Method} {Path} failed")]
    private partial void LogFailed(Exception exception, string method, PathString path);
}

/// <summary>RFC 7807 problem bodies for the host API.</summary>
internal static class HostApiProblems
{
    public static Task Write(HttpContext context, int status, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
}
