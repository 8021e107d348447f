using ConnectUi.Redis;
using StackExchange.Redis;

namespace ConnectUi.Abuse;

/// <summary>
/// <see cref="ILockoutStore"/> in Redis, so every instance counts the same refused sign-ins and hands out the same
/// turns. Each operation is one Lua script, atomic on the server: failures on different instances at the same moment
/// all count, and simultaneous turns are spaced. A streak is a hash (failures, last failure in Unix ms) that expires
/// when it would be forgotten; a turn is a key that expires once the next turn no longer depends on it. Redis that
/// cannot be reached raises <see cref="LimitsUnavailableException"/>: the caller refuses rather than lets attempts through.
/// </summary>
public sealed class RedisLockoutStore(RedisConnection redis) : ILockoutStore
{
    private const string RecordFailureScript = """
        local now = tonumber(ARGV[1])
        local forget = tonumber(ARGV[2])
        local failures = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
        local last = tonumber(redis.call('HGET', KEYS[1], 'l') or '0')
        if failures > 0 and now - last > forget then failures = 0 end
        failures = failures + 1
        redis.call('HSET', KEYS[1], 'f', failures, 'l', now)
        redis.call('PEXPIRE', KEYS[1], forget)
        return failures
        """;

    private const string ForgiveFailureScript = """
        local failures = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
        if failures > 0 then redis.call('HSET', KEYS[1], 'f', failures - 1) end
        return 0
        """;

    private const string ReserveTurnScript = """
        local now = tonumber(ARGV[1])
        local spacing = tonumber(ARGV[2])
        local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
        local turn = now
        if last >= 0 and last + spacing > now then turn = last + spacing end
        redis.call('SET', KEYS[1], turn, 'PX', turn - now + spacing + 1000)
        return turn
        """;

    public async ValueTask<FailureStreak?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var values = await RunAsync(() => redis.Database.HashGetAsync(StreakKey(key), ["f", "l"]));
        return values[0].HasValue && values[1].HasValue && (int)values[0] > 0
            ? new FailureStreak((int)values[0], DateTimeOffset.FromUnixTimeMilliseconds((long)values[1]))
            : null;
    }

    public async ValueTask<FailureStreak> RecordFailureAsync(string key, DateTimeOffset now, TimeSpan forgetAfter, CancellationToken cancellationToken)
    {
        var failures = await RunAsync(() => redis.Database.ScriptEvaluateAsync(
            RecordFailureScript, [StreakKey(key)], [now.ToUnixTimeMilliseconds(), (long)forgetAfter.TotalMilliseconds]));
        return new FailureStreak((int)failures, now);
    }

    public async ValueTask ForgiveFailureAsync(string key, CancellationToken cancellationToken) =>
        await RunAsync(() => redis.Database.ScriptEvaluateAsync(ForgiveFailureScript, [StreakKey(key)]));

    public async ValueTask ClearAsync(string key, CancellationToken cancellationToken) =>
        await RunAsync(() => redis.Database.KeyDeleteAsync([StreakKey(key), TurnKey(key)]));

    public async ValueTask<DateTimeOffset> ReserveTurnAsync(string key, DateTimeOffset now, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var turn = await RunAsync(() => redis.Database.ScriptEvaluateAsync(
            ReserveTurnScript, [TurnKey(key)], [now.ToUnixTimeMilliseconds(), (long)spacing.TotalMilliseconds]));
        return DateTimeOffset.FromUnixTimeMilliseconds((long)turn);
    }

    private RedisKey StreakKey(string key) => redis.Key("lockout:streak:" + key);

    private RedisKey TurnKey(string key) => redis.Key("lockout:turn:" + key);

    private static async Task<T> RunAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new LimitsUnavailableException(exception);
        }
    }
}
