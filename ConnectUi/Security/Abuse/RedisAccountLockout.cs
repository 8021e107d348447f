using ConnectUi.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// <see cref="AccountLockout"/>'s policy with its state in Redis: a failure streak is a counter (INCR) that expires
/// <see cref="LockoutLimit.ForgetFailuresAfter"/> after the last failure, a lock-out a key that expires when it ends.
/// Both are single atomic commands, so failures on different instances at the same moment all count.
/// </summary>
public sealed class RedisAccountLockout(RedisConnection redis, IOptions<RateLimitOptions> options) : IAccountLockout
{
    private readonly LockoutLimit _limit = options.Value.Lockout;

    public async ValueTask<TimeSpan?> LockedForAsync(string accountKey, CancellationToken cancellationToken)
    {
        try
        {
            var remaining = await redis.Database.KeyTimeToLiveAsync(LockKey(accountKey));
            return remaining is { } wait && wait > TimeSpan.Zero ? wait : null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new LimitsUnavailableException(exception);
        }
    }

    public async ValueTask<TimeSpan?> RecordFailureAsync(string accountKey, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = redis.Database.CreateTransaction();
            var failures = transaction.StringIncrementAsync(StreakKey(accountKey));
            _ = transaction.KeyExpireAsync(StreakKey(accountKey), _limit.ForgetFailuresAfter);
            await transaction.ExecuteAsync();
            var lockout = AccountLockout.LockoutAfter(_limit, (int)Math.Min(int.MaxValue, await failures));
            if (lockout is { } duration)
            {
                await redis.Database.StringSetAsync(LockKey(accountKey), 1, duration);
            }

            return lockout;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new LimitsUnavailableException(exception);
        }
    }

    public async ValueTask RecordSuccessAsync(string accountKey, CancellationToken cancellationToken)
    {
        try
        {
            await redis.Database.KeyDeleteAsync([StreakKey(accountKey), LockKey(accountKey)]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new LimitsUnavailableException(exception);
        }
    }

    private RedisKey StreakKey(string accountKey) => redis.Key("lockout:failures:" + accountKey);

    private RedisKey LockKey(string accountKey) => redis.Key("lockout:until:" + accountKey);
}
