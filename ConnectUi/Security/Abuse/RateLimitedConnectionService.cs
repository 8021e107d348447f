using System.Globalization;
using ConnectUi.Connections;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// Puts the abuse limits in front of the connection service: a caller or a provider account over its attempt limit,
/// or an account locked after refused sign-ins, gets <see cref="ConnectStatus.TooManyAttempts"/> and the provider is not called.
/// </summary>
public sealed partial class RateLimitedConnectionService(
    IConnectionService inner,
    IAttemptPartition caller,
    VerificationAttemptLimiter limiter,
    IAccountLockout lockout,
    ILogger<RateLimitedConnectionService> logger) : IConnectionService
{
    public async Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var providerId = request.Provider.Id;
        var account = AccountKeys.Of(request.Provider, request.Credentials);

        try
        {
            // Checked before taking a permit: while locked, waiting should not also use up the caller's allowance.
            if (account is not null && await lockout.LockedForAsync(account, cancellationToken) is { } locked)
            {
                LogRefused(providerId, "account locked after refused sign-ins", Seconds(locked));
                return TooManyAttempts(locked);
            }
        }
        catch (LimitsUnavailableException exception)
        {
            LogLimitsUnavailable(providerId, exception);
            return LimitsUnavailable();
        }

        var permit = await limiter.TryAcquireAsync(new AttemptKey(caller.CallerKey, account), cancellationToken);
        if (permit.LimitsUnavailable)
        {
            LogRefused(providerId, "the shared attempt limits cannot be reached", Seconds(permit.RetryAfter));
            return LimitsUnavailable();
        }

        if (!permit.IsGranted)
        {
            LogRefused(providerId, "attempt limit reached", Seconds(permit.RetryAfter));
            return TooManyAttempts(permit.RetryAfter);
        }

        var result = await inner.ConnectAsync(request, cancellationToken);
        if (account is not null)
        {
            await RecordOutcomeAsync(providerId, account, result.Outcome, cancellationToken);
        }

        return result;
    }

    /// <summary>The provider has answered: a store that fails now costs one counted failure, never the person's result.</summary>
    private async Task RecordOutcomeAsync(string providerId, string account, VerificationOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            if (outcome == VerificationOutcome.InvalidCredentials)
            {
                if (await lockout.RecordFailureAsync(account, cancellationToken) is { } started)
                {
                    LogLockedOut(providerId, Seconds(started));
                }
            }
            else if (outcome == VerificationOutcome.Verified)
            {
                await lockout.RecordSuccessAsync(account, cancellationToken);
            }
        }
        catch (LimitsUnavailableException exception)
        {
            LogLimitsUnavailable(providerId, exception);
        }
    }

    /// <summary>Host API calls, limited by the host API's own rate-limit policy, not by a person's attempt limits.</summary>
    public Task<StoredVerification?> VerifyStoredAsync(Guid connectionId, CancellationToken cancellationToken) =>
        inner.VerifyStoredAsync(connectionId, cancellationToken);

    /// <summary>Whole seconds, rounded up and at least 1, so "try again in N seconds" is never too early or "0".</summary>
    internal static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    internal static string Message(TimeSpan wait) =>
        string.Format(CultureInfo.CurrentCulture, AbuseStrings.TooManyAttempts, Seconds(wait));

    /// <summary>Refused, not let through unlimited: the person is asked to try again shortly.</summary>
    private static ConnectResult LimitsUnavailable() => new()
    {
        Status = ConnectStatus.TooManyAttempts,
        Outcome = VerificationOutcome.RateLimited,
        Problem = new ConnectProblem(AbuseStrings.LimitsUnavailable, Fields: [], GuideStepAnchor: null),
    };

    private static ConnectResult TooManyAttempts(TimeSpan wait) => new()
    {
        Status = ConnectStatus.TooManyAttempts,
        Outcome = VerificationOutcome.RateLimited,
        Problem = new ConnectProblem(Message(wait), Fields: [], GuideStepAnchor: null),
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Verification attempt with {ProviderId} refused before the provider call: {Reason}; retry after {RetryAfterSeconds} s")]
    private partial void LogRefused(string providerId, string reason, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The shared attempt limits cannot be reached; a {ProviderId} attempt is refused until they can")]
    private partial void LogLimitsUnavailable(string providerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A {ProviderId} account is locked for {LockoutSeconds} s after repeated refused sign-ins")]
    private partial void LogLockedOut(string providerId, int lockoutSeconds);
}
