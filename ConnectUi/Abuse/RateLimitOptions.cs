namespace ConnectUi.Abuse;

/// <summary>
/// Abuse limits, bound from <c>ConnectUi:RateLimits</c>. Every key is optional; the defaults are below and in docs/security.md.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "ConnectUi:RateLimits";

    /// <summary>Verification attempts one caller (today: one client address) may make per window.</summary>
    public WindowLimit PerCaller { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    public LockoutLimit Lockout { get; set; } = new();

    public HostApiLimit HostApi { get; set; } = new();

    /// <summary>Failed host API authentications (missing or wrong key) one client address may make per window.</summary>
    public WindowLimit FailedAuthentication { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>At most <see cref="PermitLimit"/> permits in any <see cref="Window"/> (a sliding window).</summary>
public class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;
}

/// <summary>
/// Back-off after refused sign-ins of a provider account: one caller is locked out of the account with exponential
/// back-off; across all callers the account is only slowed down, so nobody can lock it for its owner.
/// </summary>
public sealed class LockoutLimit
{
    /// <summary>Failures in a row of one caller on one account before that caller's first lock-out.</summary>
    public int FailuresBeforeLockout { get; set; } = 3;

    /// <summary>The first lock-out; each further failure doubles it.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A failure streak older than this is forgotten.</summary>
    public TimeSpan ForgetFailuresAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failures in a row on one account, from any callers, before attempts on it are spaced out.</summary>
    public int AccountFailuresBeforeDelay { get; set; } = 10;

    /// <summary>The first spacing between attempts on such an account; each further failure doubles it.</summary>
    public TimeSpan AccountFirstDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest spacing: at most one attempt per this long reaches the provider for one account.</summary>
    public TimeSpan AccountMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal bool IsValid =>
        FailuresBeforeLockout > 0 && FirstLockout > TimeSpan.Zero && MaxLockout >= FirstLockout && ForgetFailuresAfter >= MaxLockout
        && AccountFailuresBeforeDelay > 0 && AccountFirstDelay > TimeSpan.Zero && AccountMaxDelay >= AccountFirstDelay
        && AccountMaxDelay <= TimeSpan.FromMinutes(2);
}

/// <summary>The <c>host-api</c> policy: requests per window, per authenticated API key.</summary>
public sealed class HostApiLimit : WindowLimit
{
    public HostApiLimit()
    {
        PermitLimit = 60;
        Window = TimeSpan.FromMinutes(1);
    }
}
