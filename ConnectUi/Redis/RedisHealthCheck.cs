using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ConnectUi.Redis;

/// <summary>Ready when Redis answers a PING. Without Redis, attempts are refused (never unlimited), so the instance is not ready.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.Database.PingAsync();
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The description is public on /health/ready: the exception (with the server's address) goes to the log only.
            return HealthCheckResult.Unhealthy("Redis cannot be reached.", exception);
        }
    }
}
