using ConnectUi.Providers;
namespace ConnectUi.Connections;

/// <summary>The scheduled re-verification of saved connections, bound from <c>ConnectUi:Verification</c>.</summary>
public sealed class VerificationOptions
{
    public const string Section = "ConnectUi:Verification";

    /// <summary>Turns the background re-verification off (the host API's verify call still works).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after a check a healthy connection is checked again.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Each next check moves by a random amount up to this fraction of the interval, either way, so connections made
    /// together (an import, a busy morning) do not all call their provider in the same minute.
    /// </summary>
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>
    /// How soon a connection is checked again after a refusal or no answer, rather than a whole interval later: a second
    /// refusal confirms needs_relink sooner, and an unreachable connection shows healthy again sooner.
    /// </summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many test calls at once to one provider.</summary>
    public int ConcurrencyPerProvider { get; set; } = 2;

    /// <summary>How often the job looks for connections that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first pause for a provider after it answers "too many requests"; doubles while it keeps answering so.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRateLimitBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many due connections one round takes at most; the rest wait for the next round.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>When a connection is checked next.</summary>
public sealed class VerificationSchedule(Microsoft.Extensions.Options.IOptions<VerificationOptions> options)
{
    /// <summary>A whole interval (with jitter) after an accepted call; <see cref="VerificationOptions.RetryAfterFailure"/> after anything else.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset checkedAt, VerificationOutcome outcome)
    {
        var settings = options.Value;
        var wait = outcome == VerificationOutcome.Verified || settings.RetryAfterFailure >= settings.Interval
            ? settings.Interval
            : settings.RetryAfterFailure;
        var jitter = wait * settings.JitterFraction * ((Random.Shared.NextDouble() * 2) - 1);
        return checkedAt + wait + jitter;
    }
}
