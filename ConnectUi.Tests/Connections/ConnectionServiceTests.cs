using System.Text;
using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Connections;

public sealed class ConnectionServiceTests : IAsyncLifetime
{
    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ConnectionsTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Verified_credentials_are_saved_with_settings_in_clear_and_secrets_encrypted()
    {
        var result = await _db.ConnectAsync(ConnectWise());

        Assert.Equal(ConnectStatus.Connected, result.Status);
        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Null(result.Problem);
        var row = Assert.Single(await _db.ConnectionRowsAsync());
        Assert.Equal(result.ConnectionId, row.Id);
        Assert.Equal(ConnectWisePsaProvider.Id, row.ProviderId);
        Assert.Equal("user-1", row.EndUserId);
        Assert.Equal("Acme Corp", row.AccountLabel);
        Assert.Equal(nameof(VerificationOutcome.Verified), row.LastOutcome);
        var verifiedAt = TestServices.Now.AddMilliseconds(250);
        Assert.Equal(verifiedAt, result.VerifiedAt);
        Assert.Equal(verifiedAt, row.CreatedAt);
        Assert.Equal(verifiedAt, row.LastVerifiedAt);

        var saved = await _db.Store.FindAsync(row.Id, default);
        Assert.NotNull(saved);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Hostname"] = ConnectWiseHostname,
                ["ApiVersion"] = "2025.1",
            },
            saved.Settings);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, row.SettingsJson);
            Assert.DoesNotContain(secret, row.ProtectedCredentials);
        }
    }

    [Fact]
    public async Task Konnektive_login_id_is_stored_encrypted_with_the_password()
    {
        var result = await _db.ConnectAsync(Konnektive());

        var saved = await _db.Store.FindAsync(result.ConnectionId!.Value, default);
        Assert.Empty(saved!.Settings);
        var row = Assert.Single(await _db.ConnectionRowsAsync());
        Assert.DoesNotContain(KonnektiveLogin, row.SettingsJson);
        Assert.DoesNotContain(KonnektiveLogin, row.ProtectedCredentials);
        var credentials = await _db.Store.GetCredentialsAsync(row.Id, default);
        Assert.Equal(KonnektiveLogin, credentials!["ApiLoginId"]);
    }

    [Fact]
    public async Task Decrypted_credentials_round_trip()
    {
        var result = await _db.ConnectAsync(ConnectWise());

        var credentials = await _db.Store.GetCredentialsAsync(result.ConnectionId!.Value, default);

        Assert.Equal(ConnectWise().Credentials.ToDictionary(), credentials);
    }

    [Fact]
    public async Task Refused_credentials_save_nothing_and_the_attempt_is_recorded()
    {
        _db.Konnektive.Refuse(VerificationOutcome.IpNotAllowed, "Konnektive refused our server's address.");
        _db.Konnektive.Takes = TimeSpan.FromMilliseconds(1234);

        var result = await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.NotVerified, result.Status);
        Assert.Equal(VerificationOutcome.IpNotAllowed, result.Outcome);
        Assert.Equal("Konnektive refused our server's address.", result.Problem?.Message);
        Assert.Null(result.ConnectionId);
        Assert.Empty(await _db.ConnectionRowsAsync());
        var attempt = Assert.Single(await _db.AttemptRowsAsync());
        Assert.Equal(KonnektiveProvider.Id, attempt.ProviderId);
        Assert.Equal(nameof(VerificationOutcome.IpNotAllowed), attempt.Outcome);
        Assert.Equal(1234, attempt.DurationMs);
        Assert.Equal(TestServices.Now, attempt.AttemptedAt);
        Assert.Null(attempt.ConnectionId);
    }

    [Fact]
    public async Task Each_verification_is_logged_with_provider_outcome_duration_and_attempt_id()
    {
        _db.Konnektive.Takes = TimeSpan.FromMilliseconds(480);

        await _db.ConnectAsync(Konnektive());

        var attempt = Assert.Single(await _db.AttemptRowsAsync());
        var log = Assert.Single(_db.Logs.GetSnapshot(), r => r.Category == typeof(ConnectionService).FullName && r.Message.Contains("ended"));
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.Equal(KonnektiveProvider.Id, log.GetStructuredStateValue("ProviderId"));
        Assert.Equal(nameof(VerificationOutcome.Verified), log.GetStructuredStateValue("Outcome"));
        Assert.Equal("480", log.GetStructuredStateValue("DurationMs"));
        Assert.Equal(attempt.Id.ToString(), log.GetStructuredStateValue("AttemptId"));
        Assert.Equal(attempt.ConnectionId, (await _db.ConnectionRowsAsync()).Single().Id);
    }

    [Fact]
    public async Task Reconnect_updates_the_same_connection_in_place()
    {
        var first = await _db.ConnectAsync(ConnectWise());
        _db.Time.Advance(TimeSpan.FromDays(3));

        var second = await _db.ConnectAsync(ConnectWise(password: "cw-Rotated-Key-SECRET", apiVersion: "2025.2", reconnect: first.ConnectionId));

        Assert.Equal(ConnectStatus.Connected, second.Status);
        Assert.Equal(first.ConnectionId, second.ConnectionId);
        var row = Assert.Single(await _db.ConnectionRowsAsync());
        Assert.Equal(first.VerifiedAt, row.CreatedAt);
        Assert.Equal(second.VerifiedAt, row.UpdatedAt);
        Assert.Equal(second.VerifiedAt, row.LastVerifiedAt);
        var credentials = await _db.Store.GetCredentialsAsync(row.Id, default);
        Assert.Equal("cw-Rotated-Key-SECRET", credentials!["Password"]);
        Assert.Equal("2025.2", credentials["ApiVersion"]);
        Assert.Equal(2, (await _db.AttemptRowsAsync()).Count(a => a.ConnectionId == row.Id));
    }

    [Fact]
    public async Task Failed_reconnect_leaves_the_old_connection_byte_for_byte_unchanged()
    {
        var first = await _db.ConnectAsync(ConnectWise());
        var before = await _db.RawConnectionRowsAsync();
        _db.Time.Advance(TimeSpan.FromDays(3));
        _db.ConnectWise.Refuse(VerificationOutcome.InvalidCredentials);

        var second = await _db.ConnectAsync(ConnectWise(password: "cw-Wrong-Key-SECRET", reconnect: first.ConnectionId));

        Assert.Equal(ConnectStatus.NotVerified, second.Status);
        Assert.Equal(before, await _db.RawConnectionRowsAsync());
        Assert.Equal(ConnectWisePassword, (await _db.Store.GetCredentialsAsync(first.ConnectionId!.Value, default))!["Password"]);
        Assert.Equal(2, (await _db.AttemptRowsAsync()).Count);
    }

    [Fact]
    public async Task Reconnect_of_another_providers_or_end_users_connection_is_refused_before_the_test_call()
    {
        var konnektive = await _db.ConnectAsync(Konnektive());
        var callsBefore = _db.ConnectWise.Calls + _db.Konnektive.Calls;

        await Assert.ThrowsAsync<ArgumentException>(() => _db.ConnectAsync(ConnectWise(reconnect: konnektive.ConnectionId)));
        await Assert.ThrowsAsync<ArgumentException>(() => _db.ConnectAsync(Konnektive(endUserId: "user-2", reconnect: konnektive.ConnectionId)));
        await Assert.ThrowsAsync<ArgumentException>(() => _db.ConnectAsync(Konnektive(reconnect: Guid.NewGuid())));

        Assert.Equal(callsBefore, _db.ConnectWise.Calls + _db.Konnektive.Calls);
    }

    [Fact]
    public async Task Values_that_break_the_providers_rules_are_refused_before_the_test_call_and_nothing_is_recorded()
    {
        var request = ConnectWise(password: "line\nbreak");
        request.Credentials["ClientId"] = "not-a-guid";

        var result = await _db.ConnectAsync(request);

        Assert.Equal(ConnectStatus.NotVerified, result.Status);
        Assert.Equal(VerificationOutcome.InvalidInput, result.Outcome);
        Assert.Equal(["ClientId", "Password"], result.Problem?.Fields);
        Assert.Equal(
            string.Format(ConnectionsStrings.InvalidInput, ConnectWisePsaProvider.Definition.DisplayName, $"{ConnectWisePsaStrings.ClientIdLabel}, {ConnectWisePsaStrings.PasswordLabel}"),
            result.Problem?.Message);
        Assert.Equal(ConnectWisePsaProvider.Steps.ClientIdAndKeys, result.Problem?.GuideStepAnchor);
        Assert.Equal(0, _db.ConnectWise.Calls);
        Assert.Empty(await _db.ConnectionRowsAsync());
        Assert.Empty(await _db.AttemptRowsAsync());
        var log = Assert.Single(_db.Logs.GetSnapshot(), r => r.Category == typeof(ConnectionService).FullName);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Equal("ClientId, Password", log.GetStructuredStateValue("Fields"));
    }

    [Fact]
    public async Task Credentials_of_another_providers_model_are_refused_as_a_programming_error()
    {
        var request = new ConnectRequest(KonnektiveProvider.Definition, ConnectWise().Credentials);

        await Assert.ThrowsAsync<ArgumentException>(() => _db.ConnectAsync(request));

        Assert.Equal(0, _db.Konnektive.Calls + _db.ConnectWise.Calls);
    }

    [Fact]
    public async Task Storage_failure_after_verification_is_NotSaved_and_a_retry_succeeds()
    {
        await _db.ExecuteAsync("CREATE TRIGGER refuse_insert BEFORE INSERT ON Connections BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");

        var failed = await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.NotSaved, failed.Status);
        Assert.Equal(VerificationOutcome.Verified, failed.Outcome);
        Assert.Null(failed.ConnectionId);
        Assert.Equal(
            string.Format(ConnectionsStrings.NotSaved, KonnektiveProvider.Definition.DisplayName),
            failed.Problem?.Message);
        Assert.Empty(await _db.ConnectionRowsAsync());
        var attempt = Assert.Single(await _db.AttemptRowsAsync());
        Assert.Null(attempt.ConnectionId);
        Assert.Contains(_db.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Exception is not null);

        await _db.ExecuteAsync("DROP TRIGGER refuse_insert;");
        var retried = await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.Connected, retried.Status);
        Assert.Equal(retried.ConnectionId, Assert.Single(await _db.ConnectionRowsAsync()).Id);
    }

    [Fact]
    public async Task A_database_locked_by_another_writer_at_save_time_is_NotSaved_and_the_same_request_succeeds_once_released()
    {
        await using var db = await ConnectionsTestDatabase.CreateAsync(busyTimeout: TimeSpan.FromSeconds(1));
        await db.ConnectAsync(Konnektive());
        var request = ConnectWise();
        await using var otherWriter = new SqliteConnection(db.ConnectionString);
        await otherWriter.OpenAsync();
        await using (var begin = otherWriter.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        var failed = await db.ConnectAsync(request);

        Assert.Equal(ConnectStatus.NotSaved, failed.Status);
        Assert.Equal(VerificationOutcome.Verified, failed.Outcome);
        Assert.Equal(
            string.Format(ConnectionsStrings.NotSaved, ConnectWisePsaProvider.Definition.DisplayName),
            failed.Problem?.Message);
        Assert.Equal(SqliteBusy, SaveFailure(db).SqliteErrorCode);

        await using (var commit = otherWriter.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        var retried = await db.ConnectAsync(request);

        Assert.Equal(ConnectStatus.Connected, retried.Status);
        Assert.Equal(2, db.ConnectWise.Calls);
        Assert.Equal(request.Credentials.ToDictionary(), await db.Store.GetCredentialsAsync(retried.ConnectionId!.Value, default));
        Assert.Equal(2, (await db.ConnectionRowsAsync()).Count);
    }

    [Fact]
    public async Task An_unreadable_database_file_at_save_time_is_NotSaved_and_the_same_request_succeeds_once_restored()
    {
        await _db.ConnectAsync(Konnektive());
        var request = ConnectWise();
        SqliteConnection.ClearAllPools();
        var intact = await File.ReadAllBytesAsync(_db.DatabasePath);
        await File.WriteAllBytesAsync(_db.DatabasePath, Encoding.ASCII.GetBytes(new string('x', intact.Length)));

        var failed = await _db.ConnectAsync(request);

        Assert.Equal(ConnectStatus.NotSaved, failed.Status);
        Assert.Contains("could not save the connection", failed.Problem?.Message);
        Assert.Equal(SqliteNotADatabase, SaveFailure(_db).SqliteErrorCode);

        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(_db.DatabasePath, intact);
        var retried = await _db.ConnectAsync(request);

        Assert.Equal(ConnectStatus.Connected, retried.Status);
        Assert.Equal(request.Credentials.ToDictionary(), await _db.Store.GetCredentialsAsync(retried.ConnectionId!.Value, default));
    }

    [Fact]
    public async Task Storage_failure_during_reconnect_leaves_the_old_connection_unchanged()
    {
        var first = await _db.ConnectAsync(Konnektive());
        var before = await _db.RawConnectionRowsAsync();
        await _db.ExecuteAsync("CREATE TRIGGER refuse_update BEFORE UPDATE ON Connections BEGIN SELECT RAISE(ABORT, 'database is locked'); END;");

        var result = await _db.ConnectAsync(Konnektive(password: "Kp-new-SECRET", reconnect: first.ConnectionId));

        Assert.Equal(ConnectStatus.NotSaved, result.Status);
        Assert.Equal(before, await _db.RawConnectionRowsAsync());
    }

    [Fact]
    public async Task Unwritable_database_still_answers_NotSaved_when_even_the_attempt_cannot_be_recorded()
    {
        await _db.ExecuteAsync("""
            CREATE TRIGGER refuse_connection BEFORE INSERT ON Connections BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
            CREATE TRIGGER refuse_attempt BEFORE INSERT ON VerificationAttempts BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
            """);

        var result = await _db.ConnectAsync(Konnektive());

        Assert.Equal(ConnectStatus.NotSaved, result.Status);
        Assert.Empty(await _db.AttemptRowsAsync());
        Assert.Contains(_db.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("could not be recorded"));
    }

    [Fact]
    public async Task Cancellation_during_the_test_call_propagates_and_saves_nothing()
    {
        using var person = new CancellationTokenSource();
        _db.Konnektive.During = token =>
        {
            person.Cancel();
            token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _db.ConnectAsync(Konnektive(), person.Token));

        Assert.Empty(await _db.ConnectionRowsAsync());
        Assert.Empty(await _db.AttemptRowsAsync());
    }

    [Fact]
    public async Task Cancellation_after_the_provider_accepted_propagates_and_saves_nothing()
    {
        using var person = new CancellationTokenSource();
        _db.Konnektive.During = _ => person.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _db.ConnectAsync(Konnektive(), person.Token));

        Assert.Empty(await _db.ConnectionRowsAsync());
    }

    [Fact]
    public async Task No_secret_reaches_the_logs()
    {
        await _db.ConnectAsync(Konnektive());
        await _db.ConnectAsync(ConnectWise());
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);
        await _db.ConnectAsync(Konnektive());
        await _db.ExecuteAsync("CREATE TRIGGER refuse_insert BEFORE INSERT ON Connections BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        await _db.ConnectAsync(ConnectWise());

        var logs = _db.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        foreach (var record in logs)
        {
            var text = string.Join('\n',
                record.Message,
                record.Exception?.ToString(),
                string.Join('\n', record.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? []));
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }
    }

    [Fact]
    public async Task The_database_file_never_holds_a_secret_in_plain_text()
    {
        await _db.ConnectAsync(Konnektive());
        var connectWise = await _db.ConnectAsync(ConnectWise());
        await _db.ConnectAsync(ConnectWise(password: "cw-Pr1vateKey-narwhal-SECRET", reconnect: connectWise.ConnectionId));

        var files = await _db.CloseAndReadFilesAsync();

        // The clear setting proves the search reads the stored data at all.
        Assert.Contains(files, bytes => Contains(bytes, Encoding.UTF8.GetBytes(ConnectWiseHostname)));
        foreach (var secret in Secrets)
        {
            foreach (var encoding in new[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
            {
                Assert.DoesNotContain(files, bytes => Contains(bytes, encoding.GetBytes(secret)));
            }
        }
    }

    private const int SqliteBusy = 5;
    private const int SqliteNotADatabase = 26;

    /// <summary>The SQLite error behind the logged save failure, to prove the test broke storage the way it meant to.</summary>
    private static SqliteException SaveFailure(ConnectionsTestDatabase db)
    {
        var logged = Assert.Single(
            db.Logs.GetSnapshot(),
            r => r.Level == LogLevel.Error && r.Category == typeof(ConnectionService).FullName).Exception;
        for (var ex = logged; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException sqlite)
            {
                return sqlite;
            }
        }

        throw new Xunit.Sdk.XunitException($"The save failed with {logged}, not a SQLite error.");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
