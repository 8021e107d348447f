using System.Globalization;
using System.Threading.RateLimiting;
using ConnectUi.Abuse;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectUi.HostApi;

/// <summary>
/// The <c>host-api</c> rate-limiter policy for the JSON host API: endpoints opt in with
/// <c>.RequireRateLimiting(HostApiRateLimiting.Policy)</c>. Partitioned by the key the request was authenticated
/// with (<see cref="HostApiCaller"/>), never by a header: a request can present several keys, but is one caller.
/// </summary>
public static class HostApiRateLimiting
{
    public const string Policy = "host-api";

    /// <summary>Registers the policy; its counts live in the store <c>AddAbuseLimits</c> registers.</summary>
    public static IServiceCollection AddHostApiRateLimit(this IServiceCollection services) => services.AddRateLimiter(AddHostApiPolicy);

    private static void AddHostApiPolicy(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;
        options.AddPolicy(Policy, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.HostApi;
            var store = context.RequestServices.GetRequiredService<ILimiterStore>();
            return RateLimitPartition.Get(PartitionKey(context), key => store.Create("host-api:" + key, limit));
        });
    }

    /// <summary>The authenticated key's id; the client address for a request that reached the policy unauthenticated.</summary>
    internal static string PartitionKey(HttpContext context) =>
        context.Features.Get<HostApiCaller>() is { } caller
            ? "key:" + caller.KeyId
            : "ip:" + (CallerAddress.Of(context) ?? IAttemptPartition.Unknown);

    /// <summary>The 503's detail when Redis cannot be reached; English, as every host API text.</summary>
    internal const string UnavailableDetail = "The rate limit cannot be checked right now. Try again shortly.";

    /// <summary>For the host's developers, so English whatever the caller's Accept-Language (host API texts are not localized).</summary>
    internal static string Detail(int seconds) => string.Create(CultureInfo.InvariantCulture, $"Too many requests. Try again in {seconds} seconds.");

    internal static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        await WriteTooManyRequestsAsync(rejected.HttpContext, LimiterMetadata.RetryAfter(rejected.Lease), LimiterMetadata.IsUnavailable(rejected.Lease));
    }

    /// <summary>
    /// 429 with <c>Retry-After</c> in whole seconds and a problem body saying how long to wait; 503 when the shared store
    /// of the limits cannot be reached (refused rather than let through unlimited).
    /// </summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan wait, bool limitsUnavailable = false)
    {
        context.Response.StatusCode = limitsUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
        var seconds = LimiterMetadata.WholeSeconds(wait);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
                statusCode: limitsUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests,
                title: limitsUnavailable ? "Rate limit unavailable" : "Too many requests",
                detail: limitsUnavailable ? UnavailableDetail : Detail(seconds))
            .ExecuteAsync(context);
    }
}
