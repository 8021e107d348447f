using System.Globalization;
using ConnectUi.Connections;
using ConnectUi.Providers;
using Humanizer;

namespace ConnectUi.Abuse;

/// <summary>
/// Puts the abuse limits in front of the connection service: a caller over its attempt limit, or locked out of this
/// account after refused sign-ins, gets <see cref="ConnectStatus.TooManyAttempts"/> and the provider is not called; an
/// account that many callers failed on is slowed down (each attempt waits for its turn), never locked.
/// </summary>
public sealed partial class RateLimitedConnectionService(
    IConnectionService inner,
    IAttemptPartition caller,
    VerificationAttemptLimiter limiter,
    AccountLockout lockout,
    TimeProvider time,
    ILogger<RateLimitedConnectionService> logger) : IConnectionService
{
    public async Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var providerId = request.Provider.Id;
        var account = AccountKeys.Of(request.Provider, request.Credentials);
        var callerKey = caller.CallerKey;

        try
        {
            // Checked before taking a permit: while locked, waiting should not also use up the caller's allowance.
            if (account is not null && await lockout.LockedForAsync(account, callerKey, cancellationToken) is { } locked)
            {
                LogRefused(providerId, "this caller is locked out of the account after refused sign-ins", LimiterMetadata.WholeSeconds(locked));
                return TooManyAttempts(locked);
            }
        }
        catch (LimitsUnavailableException exception)
        {
            LogLimitsUnavailable(providerId, exception);
            return LimitsUnavailable();
        }

        var permit = await limiter.TryAcquireAsync(callerKey, cancellationToken);
        if (permit.LimitsUnavailable)
        {
            LogRefused(providerId, "the shared attempt limits cannot be reached", LimiterMetadata.WholeSeconds(permit.RetryAfter));
            return LimitsUnavailable();
        }

        if (!permit.IsGranted)
        {
            LogRefused(providerId, "attempt limit reached", LimiterMetadata.WholeSeconds(permit.RetryAfter));
            return TooManyAttempts(permit.RetryAfter);
        }

        if (account is null)
        {
            return await inner.ConnectAsync(request, cancellationToken);
        }

        TimeSpan delay;
        try
        {
            delay = await lockout.BeginAttemptAsync(account, cancellationToken);
        }
        catch (LimitsUnavailableException exception)
        {
            LogLimitsUnavailable(providerId, exception);
            return LimitsUnavailable();
        }

        VerificationOutcome? outcome = null;
        try
        {
            if (delay > TimeSpan.Zero)
            {
                LogDelayed(providerId, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }

            var result = await inner.ConnectAsync(request, cancellationToken);
            outcome = result.Outcome;
            return result;
        }
        finally
        {
            await EndAttemptAsync(providerId, account, callerKey, outcome);
        }
    }

    /// <summary>The provider has answered: a store that fails now costs at most one counted failure, never the person's result.</summary>
    private async Task EndAttemptAsync(string providerId, string account, string callerKey, VerificationOutcome? outcome)
    {
        try
        {
            if (await lockout.EndAttemptAsync(account, callerKey, outcome, CancellationToken.None) is { } started)
            {
                LogLockedOut(providerId, LimiterMetadata.WholeSeconds(started));
            }
        }
        catch (LimitsUnavailableException exception)
        {
            LogLimitsUnavailable(providerId, exception);
        }
    }

    /// <summary>Host API calls, limited by the host API's own rate-limit policy, not by a person's attempt limits.</summary>
    public Task<StoredVerification?> VerifyStoredAsync(Guid connectionId, VerificationTrigger trigger, CancellationToken cancellationToken) =>
        inner.VerifyStoredAsync(connectionId, trigger, cancellationToken);

    /// <summary>Whole seconds, rounded up and at least 1, so "try again in N seconds" is never too early or "0".</summary>
    /// <summary>"Try again in 30 seconds" in the page's language; Humanizer writes the duration ("1 minute, 30 seconds").</summary>
    internal static string Message(TimeSpan wait) =>
        string.Format(CultureInfo.CurrentCulture, AbuseStrings.TooManyAttempts, Wait(wait));

    internal static string Wait(TimeSpan wait) =>
        TimeSpan.FromSeconds(LimiterMetadata.WholeSeconds(wait)).Humanize(precision: 2, culture: CultureInfo.CurrentUICulture, minUnit: TimeUnit.Second, maxUnit: TimeUnit.Hour);

    private static ConnectResult TooManyAttempts(TimeSpan wait) => new()
    {
        Status = ConnectStatus.TooManyAttempts,
        Outcome = VerificationOutcome.RateLimited,
        Problem = new ConnectProblem(Message(wait), Fields: [], GuideStepAnchor: null),
    };

    /// <summary>Refused, not let through unlimited: the person is asked to try again shortly.</summary>
    private static ConnectResult LimitsUnavailable() => new()
    {
        Status = ConnectStatus.TooManyAttempts,
        Outcome = VerificationOutcome.RateLimited,
        Problem = new ConnectProblem(AbuseStrings.LimitsUnavailable, Fields: [], GuideStepAnchor: null),
    };

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The shared attempt limits cannot be reached; a {ProviderId} attempt is refused until they can")]
    private partial void LogLimitsUnavailable(string providerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Verification attempt with {ProviderId} refused before the provider call: {Reason}; retry after {RetryAfterSeconds} s")]
    private partial void LogRefused(string providerId, string reason, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A caller is locked out of a {ProviderId} account for {LockoutSeconds} s after repeated refused sign-ins")]
    private partial void LogLockedOut(string providerId, int lockoutSeconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A {ProviderId} account has many refused sign-ins from several callers: this attempt waits {DelayMs} ms for its turn")]
    private partial void LogDelayed(string providerId, int delayMs);
}
