namespace ConnectUi.Abuse;

/// <summary>
/// Where refused sign-ins are counted and turns are handed out: memory for one instance
/// (<see cref="InMemoryLockoutStore"/>), or a store shared by every instance. Only counting and time stamps live
/// here; how long to lock or wait is decided by <see cref="LockoutPolicy"/>.
/// </summary>
public interface ILockoutStore
{
    /// <summary>The failures in a row under <paramref name="key"/>, or null when there are none (or they were forgotten).</summary>
    ValueTask<FailureStreak?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one more failure under <paramref name="key"/> at <paramref name="now"/> and returns the streak it makes.
    /// A streak whose last failure is older than <paramref name="forgetAfter"/> starts again from one.
    /// </summary>
    ValueTask<FailureStreak> RecordFailureAsync(string key, DateTimeOffset now, TimeSpan forgetAfter, CancellationToken cancellationToken);

    /// <summary>Takes back one failure counted ahead of time (an attempt that did not end in a refused sign-in).</summary>
    ValueTask ForgiveFailureAsync(string key, CancellationToken cancellationToken);

    ValueTask ClearAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Hands out the next turn under <paramref name="key"/>: the later of <paramref name="now"/> and the previous
    /// turn plus <paramref name="spacing"/>. Turns are spaced even when asked for at the same moment.
    /// </summary>
    ValueTask<DateTimeOffset> ReserveTurnAsync(string key, DateTimeOffset now, TimeSpan spacing, CancellationToken cancellationToken);
}

/// <summary>Failures in a row, and when the last one happened.</summary>
public readonly record struct FailureStreak(int Failures, DateTimeOffset LastFailureAt);
