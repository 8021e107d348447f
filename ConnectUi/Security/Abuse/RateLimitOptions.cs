namespace ConnectUi.Security.Abuse;

/// <summary>
/// Abuse limits, bound from <c>ConnectUi:RateLimits</c>. Every key is optional; the defaults are below and in docs/security.md.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "ConnectUi:RateLimits";

    /// <summary>Verification attempts one caller (today: one client address) may make per window.</summary>
    public WindowLimit PerCaller { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Verification attempts against one provider account (the provider's login or company id, see ProviderDefinition.AccountKey) per window, whoever makes them.</summary>
    public WindowLimit PerAccount { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) };

    public LockoutLimit Lockout { get; set; } = new();

    public HostApiLimit HostApi { get; set; } = new();
}

/// <summary>At most <see cref="PermitLimit"/> permits in any <see cref="Window"/> (a sliding window).</summary>
public class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;
}

/// <summary>Back-off after refused sign-ins of one provider account, so we never get the customer's API user locked by the provider.</summary>
public sealed class LockoutLimit
{
    /// <summary>Authentication failures in a row before the first lock-out.</summary>
    public int FailuresBeforeLockout { get; set; } = 3;

    /// <summary>The first lock-out; each further failure doubles it.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A failure streak older than this is forgotten, as is the account's entry.</summary>
    public TimeSpan ForgetFailuresAfter { get; set; } = TimeSpan.FromHours(1);

    internal bool IsValid =>
        FailuresBeforeLockout > 0 && FirstLockout > TimeSpan.Zero && MaxLockout >= FirstLockout && ForgetFailuresAfter >= MaxLockout;
}

/// <summary>The <c>host-api</c> policy: requests per window, per API key (or per client address without one).</summary>
public sealed class HostApiLimit : WindowLimit
{
    public HostApiLimit()
    {
        PermitLimit = 60;
        Window = TimeSpan.FromMinutes(1);
    }

    /// <summary>The request header carrying the host's API key.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";
}
