namespace ConnectUi.Abuse;

/// <summary>The lock-out store of a single instance: counts live in memory, and a restart forgets them.</summary>
public sealed class InMemoryLockoutStore(TimeProvider time) : ILockoutStore
{
    /// <summary>Above this many remembered keys, stale entries are swept on the next write.</summary>
    internal const int SweepThreshold = 10_000;

    /// <summary>How long an entry is kept past its last use when sweeping: longer than any lock-out or turn.</summary>
    private static readonly TimeSpan KeepIdleFor = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    internal int RememberedKeys
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<FailureStreak?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_entries.TryGetValue(key, out var entry) && entry.Streak is { } streak && entry.ForgetAt > time.GetUtcNow()
                ? streak
                : (FailureStreak?)null);
        }
    }

    public ValueTask<FailureStreak> RecordFailureAsync(string key, DateTimeOffset now, TimeSpan forgetAfter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            SweepIfLarge(now);
            _entries.TryGetValue(key, out var entry);
            var failures = entry?.Streak is { } streak && entry.ForgetAt > now ? streak.Failures + 1 : 1;
            var recorded = new FailureStreak(failures, now);
            _entries[key] = (entry ?? new Entry()) with { Streak = recorded, ForgetAt = now + forgetAfter, LastUsed = now };
            return ValueTask.FromResult(recorded);
        }
    }

    public ValueTask ForgiveFailureAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Streak is { Failures: > 0 } streak)
            {
                _entries[key] = entry with { Streak = streak with { Failures = streak.Failures - 1 } };
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<DateTimeOffset> ReserveTurnAsync(string key, DateTimeOffset now, TimeSpan spacing, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            SweepIfLarge(now);
            _entries.TryGetValue(key, out var entry);
            var turn = entry?.LastTurn is { } last && last + spacing > now ? last + spacing : now;
            _entries[key] = (entry ?? new Entry()) with { LastTurn = turn, LastUsed = turn };
            return ValueTask.FromResult(turn);
        }
    }

    private void SweepIfLarge(DateTimeOffset now)
    {
        if (_entries.Count < SweepThreshold)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.ForgetAt <= now && entry.LastUsed + KeepIdleFor <= now)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed record Entry
    {
        public FailureStreak? Streak { get; init; }

        public DateTimeOffset ForgetAt { get; init; }

        public DateTimeOffset? LastTurn { get; init; }

        public DateTimeOffset LastUsed { get; init; }
    }
}
