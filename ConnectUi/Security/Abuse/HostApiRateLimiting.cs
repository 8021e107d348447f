using System.Globalization;
using System.Threading.RateLimiting;
using ConnectUi.HostApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// The <c>host-api</c> rate-limiter policy for the JSON host API: endpoints opt in with
/// <c>.RequireRateLimiting(HostApiRateLimiting.Policy)</c>. Partitioned by the key the request was authenticated
/// with (<see cref="HostApiCaller"/>), never by a header: a request can present several keys, but is one caller.
/// </summary>
public static class HostApiRateLimiting
{
    public const string Policy = "host-api";

    internal static void AddHostApiPolicy(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;
        options.AddPolicy(Policy, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.HostApi;
            var time = context.RequestServices.GetRequiredService<TimeProvider>();
            return RateLimitPartition.Get(PartitionKey(context), _ => new SlidingLogRateLimiter(limit, time));
        });
    }

    /// <summary>The authenticated key's id; the client address for a request that reached the policy unauthenticated.</summary>
    internal static string PartitionKey(HttpContext context) =>
        context.Features.Get<HostApiCaller>() is { } caller
            ? "key:" + caller.KeyId
            : "ip:" + (CallerAddress.Of(context) ?? IAttemptPartition.Unknown);

    /// <summary>For the host's developers, so English whatever the caller's Accept-Language (host API texts are not localized).</summary>
    internal static string Detail(int seconds) => string.Create(CultureInfo.InvariantCulture, $"Too many requests. Try again in {seconds} seconds.");

    internal static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        await WriteTooManyRequestsAsync(rejected.HttpContext, wait);
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds and a problem body saying how long to wait.</summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan wait)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = RateLimitedConnectionService.Seconds(wait);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: Detail(seconds))
            .ExecuteAsync(context);
    }
}
