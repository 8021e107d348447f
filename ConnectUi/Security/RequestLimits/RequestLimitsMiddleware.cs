using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.RequestLimits;

/// <summary>
/// Answers a request target (path and query) over its limit with 414, and a body over the limit with 413: a problem JSON for API-style requests, plain text otherwise. Bodies that
/// declare their length are refused before anything reads them; chunked ones when Kestrel's read passes the limit,
/// even when the reader (antiforgery, form binding) catches that error and answers something else.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (TargetLength(context) > options.Value.MaxRequestTargetBytes)
        {
            await RejectTargetAsync(context, options.Value.MaxRequestTargetBytes);
            return;
        }

        // The server's own limit when it has one (null there means unlimited); ours on servers without the feature.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var limit = sizeFeature is null ? options.Value.MaxRequestBodyBytes : sizeFeature.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            await RejectAsync(context, limit);
            return;
        }

        // A body of unknown length (chunked) is only refused when read: watch for that, whoever reads it.
        var chunked = context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
        var watched = chunked && limit is not null ? new LimitWatchingStream(context.Request.Body) : null;
        var originalBody = context.Request.Body;
        if (watched is not null)
        {
            context.Request.Body = watched;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RejectAsync(context, limit);
            return;
        }
        catch (InvalidDataException) when (context.Request.HasFormContentType && !context.Response.HasStarted)
        {
            // The form reader's way of saying a field or the field count passed FormOptions' limits.
            await RejectAsync(context, limit);
            return;
        }
        finally
        {
            context.Request.Body = originalBody;
        }

        if (watched is { LimitReached: true } && !context.Response.HasStarted)
        {
            await RejectAsync(context, limit);
        }
    }

    /// <summary>The target as the client sent it; servers without the raw form (the test server) give path and query.</summary>
    private static int TargetLength(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw.Length
            : (context.Request.PathBase.Value?.Length ?? 0) + (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);

    private static async Task RejectTargetAsync(HttpContext context, int limit)
    {
        const string Title = "Address too long";
        var detail = $"The request's path and query are longer than this server accepts ({limit / 1024} KB).";
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        if (WantsJson(context.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status414UriTooLong, title: Title, detail: detail).ExecuteAsync(context);
        }
        else
        {
            await Results.Text($"{Title}. {detail}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status414UriTooLong).ExecuteAsync(context);
        }
    }

    private static async Task RejectAsync(HttpContext context, long? limit)
    {
        const string Title = "Request too large";
        var detail = limit is { } bytes
            ? $"The request is larger than this server accepts ({bytes / 1024} KB, or a form field over its limit)."
            : "The request is larger than this server accepts.";
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;

        // The rest of the body is not read; closing the connection saves receiving it.
        context.Response.Headers.Connection = "close";
        if (WantsJson(context.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Title, detail: detail).ExecuteAsync(context);
        }
        else
        {
            await Results.Text($"{Title}. {detail}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
        }
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase)
        || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
}
