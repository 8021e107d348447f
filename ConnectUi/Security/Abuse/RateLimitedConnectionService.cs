using System.Globalization;
using ConnectUi.Connections;
using ConnectUi.Providers;

namespace ConnectUi.Security.Abuse;

/// <summary>
/// Puts the abuse limits in front of the connection service: a caller or a provider account over its attempt limit,
/// or an account locked after refused sign-ins, gets <see cref="ConnectStatus.TooManyAttempts"/> and the provider is not called.
/// </summary>
public sealed partial class RateLimitedConnectionService(
    IConnectionService inner,
    IAttemptPartition caller,
    VerificationAttemptLimiter limiter,
    AccountLockout lockout,
    ILogger<RateLimitedConnectionService> logger) : IConnectionService
{
    public async Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var providerId = request.Provider.Id;
        var account = AccountKeys.Of(request.Provider, request.Credentials);

        // Checked before taking a permit: while locked, waiting should not also use up the caller's allowance.
        if (account is not null && lockout.LockedFor(account) is { } locked)
        {
            LogRefused(providerId, "account locked after refused sign-ins", Seconds(locked));
            return TooManyAttempts(locked);
        }

        var permit = limiter.TryAcquire(new AttemptKey(caller.CallerKey, account));
        if (!permit.IsGranted)
        {
            LogRefused(providerId, "attempt limit reached", Seconds(permit.RetryAfter));
            return TooManyAttempts(permit.RetryAfter);
        }

        var result = await inner.ConnectAsync(request, cancellationToken);
        if (account is not null)
        {
            if (result.Outcome == VerificationOutcome.InvalidCredentials)
            {
                if (lockout.RecordFailure(account) is { } started)
                {
                    LogLockedOut(providerId, Seconds(started));
                }
            }
            else if (result.Outcome == VerificationOutcome.Verified)
            {
                lockout.RecordSuccess(account);
            }
        }

        return result;
    }

    /// <summary>Host API calls, limited by the host API's own rate-limit policy, not by a person's attempt limits.</summary>
    public Task<StoredVerification?> VerifyStoredAsync(Guid connectionId, CancellationToken cancellationToken) =>
        inner.VerifyStoredAsync(connectionId, cancellationToken);

    /// <summary>Whole seconds, rounded up and at least 1, so "try again in N seconds" is never too early or "0".</summary>
    internal static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    internal static string Message(TimeSpan wait) =>
        string.Format(CultureInfo.CurrentCulture, AbuseStrings.TooManyAttempts, Seconds(wait));

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
        Message = "A {ProviderId} account is locked for {LockoutSeconds} s after repeated refused sign-ins")]
    private partial void LogLockedOut(string providerId, int lockoutSeconds);
}
