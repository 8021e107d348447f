using System.Text;
using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Security.Redaction;
using ConnectUi.Tests.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Security.Redaction;

/// <summary>
/// A verifier that blunders (logs the credentials it was given, echoes them in its problem, throws with them) must
/// still leave no secret in any log line, answer or database byte.
/// </summary>
public sealed class SecretRedactionTests : IAsyncLifetime
{
    private ConnectionsTestDatabase _db = null!;
    private ILogger _verifierLog = null!;

    public async Task InitializeAsync()
    {
        _db = await ConnectionsTestDatabase.CreateAsync();
        _verifierLog = _db.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CarelessVerifier");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<VerificationOutcome> EveryOutcome => new(Enum.GetValues<VerificationOutcome>());

    [Theory]
    [MemberData(nameof(EveryOutcome))]
    public async Task No_secret_reaches_a_log_line_or_the_answer_whatever_the_outcome(VerificationOutcome outcome)
    {
        foreach (var (verifier, request) in new[] { (_db.Konnektive, Konnektive()), (_db.ConnectWise, ConnectWise()) })
        {
            verifier.During = _ => LogCarelessly(request);
            verifier.Result = outcome == VerificationOutcome.Verified
                ? new VerificationResult(outcome, AccountLabel: "Acme Corp")
                : new VerificationResult(outcome, EchoingProblem(request));
        }

        var konnektive = await _db.ConnectAsync(Konnektive());
        var connectWise = await _db.ConnectAsync(ConnectWise());

        AssertNoSecretIn(LoggedText.Of(_db.Logs));
        AssertNoSecretIn(Describe(konnektive), Describe(connectWise));
        Assert.Contains(LoggedText.Of(_db.Logs), line => line.Contains(TechnicalDetails.Redacted, StringComparison.Ordinal));
        Assert.Contains(_db.Logs.GetSnapshot(), r => r.Message.Contains($"ended {outcome}", StringComparison.Ordinal));
        AssertNoSecretIn(await ReadDatabaseFilesAsync());
    }

    [Fact]
    public async Task A_verifier_exception_carrying_a_secret_is_logged_and_rethrown_without_it()
    {
        _db.Konnektive.During = _ => throw new InvalidOperationException($"Login {KonnektiveLogin} with {KonnektivePassword} blew up");

        var thrown = await Assert.ThrowsAsync<RedactedException>(() => _db.ConnectAsync(Konnektive()));

        Assert.Equal(typeof(InvalidOperationException).FullName, thrown.OriginalType);
        Assert.Contains("blew up", thrown.Message);
        AssertNoSecretIn(thrown.ToString(), thrown.Message, thrown.StackTrace);
        var logged = Assert.Single(_db.Logs.GetSnapshot(), r => r.Message.Contains("threw", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("blew up", logged.Exception!.ToString());
        AssertNoSecretIn(LoggedText.Of(_db.Logs));
    }

    [Fact]
    public async Task An_exception_without_a_secret_keeps_its_type()
    {
        _db.Konnektive.During = _ => throw new TimeZoneNotFoundException("nothing secret here");

        await Assert.ThrowsAsync<TimeZoneNotFoundException>(() => _db.ConnectAsync(Konnektive()));
    }

    [Fact]
    public async Task A_save_failure_logs_no_secret()
    {
        _db.ConnectWise.During = _ => LogCarelessly(ConnectWise());
        await _db.ExecuteAsync("DROP TABLE Connections");

        var result = await _db.ConnectAsync(ConnectWise());

        Assert.Equal(ConnectStatus.NotSaved, result.Status);
        Assert.Contains(_db.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Exception is not null);
        AssertNoSecretIn(LoggedText.Of(_db.Logs));
        AssertNoSecretIn(Describe(result));
    }

    [Fact]
    public async Task Secrets_leave_flight_with_the_answer()
    {
        _db.Konnektive.During = _ => Assert.True(SecretsInFlight.Contains($"x{KonnektivePassword}x"));

        await _db.ConnectAsync(Konnektive());
        _verifierLog.LogInformation("After the call: {Value}", "nothing in flight");

        Assert.False(SecretsInFlight.Any);
        Assert.Equal(1, _db.Konnektive.Calls);
    }

    /// <summary>Every mistake a verifier could make with the credentials it was handed.</summary>
    private void LogCarelessly(ConnectRequest request)
    {
        foreach (var (field, value) in request.Credentials.ToDictionary())
        {
            _verifierLog.LogInformation("Signing in with {Field} = {Value}", field, value);
            _verifierLog.LogWarning($"Interpolated by mistake: {field} = {value}");
            _verifierLog.LogInformation("Query string ?{Field}={Encoded}", field, Uri.EscapeDataString(value));
            _verifierLog.LogInformation("Values {Values}", (object)new[] { value, "other" });
            using (_verifierLog.BeginScope("Scope for {Value}", value))
            using (_verifierLog.BeginScope($"Plain scope {value}"))
            {
                _verifierLog.LogError(new HttpRequestException($"401 for {value}"), "Call failed for {Field}", field);
            }
        }
    }

    /// <summary>A problem that repeats every value the person typed, as a careless provider message would.</summary>
    private static ConnectProblem EchoingProblem(ConnectRequest request)
    {
        var values = request.Credentials.ToDictionary();
        var typed = string.Join(" ", values.Values);
        return new ConnectProblem(
            $"The provider said: wrong credentials {typed}",
            ["ApiPassword"],
            "step-1",
            TechnicalDetails: $"POST /api; body {string.Join("&", values.Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"))}",
            SuggestedValues: values);
    }

    private static string Describe(ConnectResult result) =>
        $"{result} {result.Problem?.Message} {result.Problem?.TechnicalDetails} {string.Join(",", result.Problem?.SuggestedValues?.Values ?? [])}";

    private async Task<string[]> ReadDatabaseFilesAsync()
    {
        var files = await _db.CloseAndReadFilesAsync();
        return files.SelectMany(bytes => new[] { Encoding.UTF8.GetString(bytes), Encoding.Unicode.GetString(bytes) }).ToArray();
    }

    private static void AssertNoSecretIn(IEnumerable<string?> texts)
    {
        foreach (var text in texts.OfType<string>())
        {
            foreach (var secret in Secrets)
            {
                Assert.False(
                    text.Contains(secret, StringComparison.OrdinalIgnoreCase) || text.Contains(Uri.EscapeDataString(secret), StringComparison.OrdinalIgnoreCase),
                    $"A secret leaked into: {text.Replace(secret, "<<SECRET>>", StringComparison.OrdinalIgnoreCase)}");
            }
        }
    }

    private static void AssertNoSecretIn(params string?[] texts) => AssertNoSecretIn((IEnumerable<string?>)texts);
}
