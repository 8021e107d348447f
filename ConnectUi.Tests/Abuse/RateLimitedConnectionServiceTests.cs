using ConnectUi.Abuse;
using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Tests.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Abuse;

/// <summary>The real connection service behind the attempt limits, over a test database, with the caller chosen per call.</summary>
public sealed class RateLimitedConnectionServiceTests : IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = [];
    private readonly SwitchablePartition _caller = new();
    private ConnectionsTestDatabase _db = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_sixth_attempt_of_a_caller_within_a_minute_is_refused_without_calling_the_provider()
    {
        await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ConnectStatus.Connected, (await _db.ConnectAsync(ConnectWise(endUserId: $"user-{i}"))).Status);
        }

        var refused = await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.TooManyAttempts, refused.Status);
        Assert.Equal(VerificationOutcome.RateLimited, refused.Outcome);
        Assert.Null(refused.ConnectionId);

        // Five calls took 250 ms each on the fake clock: the first grant leaves the window 58.75 s from now.
        Assert.Equal(string.Format(AbuseStrings.TooManyAttempts, "59 seconds"), refused.Problem!.Message);
        Assert.Empty(refused.Problem.Fields);
        Assert.Equal(0, _db.Konnektive.Calls);
        Assert.Equal(5, (await _db.AttemptRowsAsync()).Count);
    }

    [Fact]
    public async Task The_caller_may_try_again_once_the_wait_has_passed()
    {
        await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await _db.ConnectAsync(ConnectWise(endUserId: $"user-{i}"));
        }

        _db.Time.Advance(TimeSpan.FromSeconds(58));
        Assert.Equal(ConnectStatus.TooManyAttempts, (await _db.ConnectAsync(Konnektive())).Status);
        _db.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ConnectStatus.Connected, (await _db.ConnectAsync(Konnektive())).Status);
    }

    [Fact]
    public async Task Callers_are_limited_apart()
    {
        await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await _db.ConnectAsync(ConnectWise(endUserId: $"user-{i}"));
        }

        _caller.Key = "ip:198.51.100.7";

        Assert.Equal(ConnectStatus.Connected, (await _db.ConnectAsync(Konnektive())).Status);
    }

    [Fact]
    public async Task A_third_party_cannot_lock_the_owner_out_of_their_account()
    {
        LiftWindowLimits();
        await StartAsync();
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        _caller.Key = "session:attacker";
        for (var i = 0; i < 8; i++)
        {
            await ConnectAdvancingClockAsync(Konnektive(password: $"guess-{i}"));
        }

        Assert.Equal(ConnectStatus.TooManyAttempts, (await _db.ConnectAsync(Konnektive(password: "guess-8"))).Status);

        _db.Konnektive.Result = new VerificationResult(VerificationOutcome.Verified, AccountLabel: "Acme");
        _caller.Key = "session:owner";
        var owner = await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.Connected, owner.Status);
    }

    [Fact]
    public async Task Past_the_accounts_ceiling_the_owner_waits_for_a_turn_but_gets_through()
    {
        LiftWindowLimits();
        await StartAsync();
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        for (var session = 0; session < 6; session++)
        {
            _caller.Key = $"session:attacker-{session}";
            for (var i = 0; i < 3; i++)
            {
                await ConnectAdvancingClockAsync(Konnektive(password: $"guess-{session}-{i}"));
            }
        }

        _db.Konnektive.Result = new VerificationResult(VerificationOutcome.Verified, AccountLabel: "Acme");
        _caller.Key = "session:owner";
        var started = _db.Time.GetUtcNow();
        var pending = _db.ConnectAsync(Konnektive());
        await Task.Delay(50);
        Assert.False(pending.IsCompleted, "Past 18 refused sign-ins, an attempt waits for its turn.");
        var owner = await CompleteAdvancingClockAsync(pending);

        Assert.Equal(ConnectStatus.Connected, owner.Status);
        Assert.InRange(_db.Time.GetUtcNow() - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(32));
    }

    [Fact]
    public async Task Brute_force_from_100_sessions_at_once_reaches_the_provider_at_most_33_times_in_ten_minutes()
    {
        LiftWindowLimits();
        await StartAsync();
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        _db.Konnektive.Takes = TimeSpan.Zero;
        var end = _db.Time.GetUtcNow() + TimeSpan.FromMinutes(10);

        var attackers = Enumerable.Range(0, 100).Select(session => Task.Run(async () =>
        {
            _caller.Key = $"session:attacker-{session}";
            for (var i = 0; i < 3; i++)
            {
                await _db.ConnectAsync(Konnektive(password: $"guess-{session}-{i}"));
            }
        })).ToArray();
        while (_db.Time.GetUtcNow() < end)
        {
            await Task.Delay(5);
            _db.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.InRange(_db.Konnektive.Calls, 11, 33);

        // Let the waiting attempts finish before the database goes away.
        var all = Task.WhenAll(attackers);
        while (!all.IsCompleted)
        {
            _db.Time.Advance(TimeSpan.FromHours(1));
            await Task.Delay(5);
        }

        await all;
    }

    [Fact]
    public async Task Three_refused_sign_ins_lock_the_account_for_30_seconds_then_60_without_calling_the_provider()
    {
        LiftWindowLimits();
        await StartAsync();
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ConnectStatus.NotVerified, (await _db.ConnectAsync(Konnektive())).Status);
        }

        var locked = await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.TooManyAttempts, locked.Status);
        Assert.Equal(string.Format(AbuseStrings.TooManyAttempts, "30 seconds"), locked.Problem!.Message);
        Assert.Equal(3, _db.Konnektive.Calls);

        _db.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ConnectStatus.NotVerified, (await _db.ConnectAsync(Konnektive())).Status);
        Assert.Equal(4, _db.Konnektive.Calls);

        // The fourth failure's lock-out started when its call ended, 250 ms after it was sent.
        var longer = await _db.ConnectAsync(Konnektive());
        Assert.Equal(string.Format(AbuseStrings.TooManyAttempts, "1 minute"), longer.Problem!.Message);
        Assert.Equal(4, _db.Konnektive.Calls);
    }

    [Fact]
    public async Task A_verified_sign_in_clears_the_failures()
    {
        LiftWindowLimits();
        await StartAsync();
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        await _db.ConnectAsync(Konnektive());
        await _db.ConnectAsync(Konnektive());
        _db.Konnektive.Result = new VerificationResult(VerificationOutcome.Verified, AccountLabel: "Acme");
        await _db.ConnectAsync(Konnektive());

        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        await _db.ConnectAsync(Konnektive());
        await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.NotVerified, (await _db.ConnectAsync(Konnektive())).Status);
        Assert.Equal(ConnectStatus.TooManyAttempts, (await _db.ConnectAsync(Konnektive())).Status);
    }

    [Theory]
    [InlineData(VerificationOutcome.IpNotAllowed)]
    [InlineData(VerificationOutcome.Timeout)]
    [InlineData(VerificationOutcome.PermissionDenied)]
    public async Task Failures_other_than_refused_credentials_do_not_lock_the_account(VerificationOutcome outcome)
    {
        LiftWindowLimits();
        await StartAsync();
        _db.Konnektive.Refuse(outcome);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(ConnectStatus.NotVerified, (await _db.ConnectAsync(Konnektive())).Status);
        }

        Assert.Equal(6, _db.Konnektive.Calls);
    }

    [Fact]
    public async Task A_login_id_typed_in_another_case_or_with_spaces_is_the_same_account()
    {
        LiftWindowLimits();
        await StartAsync();
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        await _db.ConnectAsync(Konnektive());
        await _db.ConnectAsync(Konnektive());
        await _db.ConnectAsync(Konnektive());

        var request = Konnektive();
        request.Credentials["ApiLoginId"] = "  " + KonnektiveLogin.ToUpperInvariant() + " ";

        Assert.Equal(ConnectStatus.TooManyAttempts, (await _db.ConnectAsync(request)).Status);
    }

    [Fact]
    public async Task ConnectWise_accounts_are_counted_by_company_whichever_key_pair_is_tried()
    {
        LiftWindowLimits();
        await StartAsync();
        _db.ConnectWise.Refuse(VerificationOutcome.InvalidCredentials);
        foreach (var publicKey in new[] { "Key1", "Key2", "Key3" })
        {
            var request = ConnectWise();
            request.Credentials["Username"] = "acme+" + publicKey;
            await _db.ConnectAsync(request);
        }

        var otherKey = ConnectWise();
        otherKey.Credentials["Username"] = "acme+Key4";
        var otherCompany = ConnectWise();
        otherCompany.Credentials["Username"] = "globex+Key1";

        Assert.Equal(ConnectStatus.TooManyAttempts, (await _db.ConnectAsync(otherKey)).Status);
        Assert.Equal(ConnectStatus.NotVerified, (await _db.ConnectAsync(otherCompany)).Status);
    }

    [Fact]
    public async Task Limits_are_read_from_configuration()
    {
        _settings["ConnectUi:RateLimits:PerCaller:PermitLimit"] = "2";
        _settings["ConnectUi:RateLimits:PerCaller:Window"] = "00:00:10";
        _settings["ConnectUi:RateLimits:Lockout:FailuresBeforeLockout"] = "1";
        _settings["ConnectUi:RateLimits:Lockout:FirstLockout"] = "00:00:05";
        await StartAsync();

        var options = _db.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        Assert.Equal(2, options.PerCaller.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), options.PerCaller.Window);
        Assert.Equal(10, options.Lockout.AccountFailuresBeforeDelay);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Lockout.MaxLockout);

        await _db.ConnectAsync(ConnectWise());
        await _db.ConnectAsync(ConnectWise());
        Assert.Equal(string.Format(AbuseStrings.TooManyAttempts, "10 seconds"), (await _db.ConnectAsync(ConnectWise())).Problem!.Message);
    }

    [Theory]
    [InlineData("ConnectUi:RateLimits:PerCaller:PermitLimit", "0")]
    [InlineData("ConnectUi:RateLimits:Lockout:AccountMaxDelay", "00:00:01")]
    [InlineData("ConnectUi:RateLimits:Lockout:AccountMaxDelay", "00:10:00")]
    [InlineData("ConnectUi:RateLimits:Lockout:MaxLockout", "00:00:01")]
    [InlineData("ConnectUi:RateLimits:FailedAuthentication:PermitLimit", "0")]
    public async Task Nonsense_limits_are_refused(string key, string value)
    {
        _settings[key] = value;
        await StartAsync();

        Assert.Throws<OptionsValidationException>(() => _db.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value);
    }

    [Fact]
    public async Task Registering_twice_wraps_the_service_once()
    {
        await StartAsync(services => services.AddAbuseLimits(new ConfigurationBuilder().Build()));
        await using var scope = _db.Services.CreateAsyncScope();

        var service = scope.ServiceProvider.GetRequiredService<IConnectionService>();

        Assert.IsType<RateLimitedConnectionService>(service);
        Assert.Single(_db.Services.GetServices<VerificationAttemptLimiter>());
    }

    private void LiftWindowLimits()
    {
        _settings["ConnectUi:RateLimits:PerCaller:PermitLimit"] = "1000";
    }

    private async Task StartAsync(Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        _db = await ConnectionsTestDatabase.CreateAsync(services =>
        {
            services.AddSingleton<IAttemptPartition>(_caller);
            services.AddAbuseLimits(configuration);
            more?.Invoke(services);
        });
    }

    /// <summary>Runs an attempt that may wait for its turn on the account, moving the fake clock until it is done.</summary>
    private Task<ConnectResult> ConnectAdvancingClockAsync(ConnectRequest request) => CompleteAdvancingClockAsync(_db.ConnectAsync(request));

    private async Task<ConnectResult> CompleteAdvancingClockAsync(Task<ConnectResult> pending)
    {
        while (!pending.IsCompleted)
        {
            _db.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(5);
        }

        return await pending;
    }

    /// <summary>The caller of the current async flow, so attempts started at once can come from different sessions.</summary>
    private sealed class SwitchablePartition : IAttemptPartition
    {
        private readonly AsyncLocal<string?> _key = new();

        public string Key
        {
            get => _key.Value ?? "ip:192.0.2.1";
            set => _key.Value = value;
        }

        public string CallerKey => Key;
    }
}
