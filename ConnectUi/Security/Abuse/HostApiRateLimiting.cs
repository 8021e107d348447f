using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using ConnectUi.HostApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// The <c>host-api</c> rate-limiter policy for the JSON host API: endpoints opt in with
/// <c>.RequireRateLimiting(HostApiRateLimiting.Policy)</c>. Partitioned by API key header, else by client address.
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
            var store = context.RequestServices.GetRequiredService<ILimiterStore>();
            return RateLimitPartition.Get(PartitionKey(context, limit.ApiKeyHeader), key => store.Create("host-api:" + key, limit));
        });
    }

    /// <summary>A hash of the API key (raw keys are not kept in memory), or the client address for requests without one.</summary>
    internal static string PartitionKey(HttpContext context, string apiKeyHeader)
    {
        var apiKey = context.Request.Headers[apiKeyHeader].ToString() is { Length: > 0 } fromHeader
            ? fromHeader
            : HostApiKeyChecker.ReadKey(context.Request) ?? string.Empty;
        return apiKey.Length > 0
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))
            : "ip:" + (CallerAddress.Of(context) ?? IAttemptPartition.Unknown);
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = LimiterMetadata.RetryAfter(rejected.Lease);
        var seconds = RateLimitedConnectionService.Seconds(wait);
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        // A shared store that cannot be reached refuses (503) rather than lets requests through unlimited.
        var unavailable = LimiterMetadata.IsUnavailable(rejected.Lease);
        await Results.Problem(
                statusCode: unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests,
                title: unavailable ? "Rate limit unavailable" : "Too many requests",
                detail: unavailable ? AbuseStrings.HostApiLimitsUnavailable : RateLimitedConnectionService.Message(wait))
            .ExecuteAsync(context);
    }
}
