using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using ConnectUi.Connections.Storage;
using ConnectUi.Providers;
using ConnectUi.Security.Redaction;
using ConnectUi.Sessions;
using ConnectUi.Storage;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Connections;

/// <summary>
/// Checks the values against the provider's form rules, asks the provider's verifier, records the attempt, and saves the
/// connection only when the provider accepted it.
/// </summary>
public sealed partial class ConnectionService(
    IEnumerable<IProviderVerifier> verifiers,
    IEnumerable<ProviderDefinition> providers,
    IDbContextFactory<ConnectUiDbContext> dbContextFactory,
    CredentialProtector protector,
    ConnectionEventOutbox events,
    VerificationSchedule schedule,
    TimeProvider timeProvider,
    ILogger<ConnectionService> logger) : IConnectionService
{
    private readonly IReadOnlyList<IProviderVerifier> _verifiers = verifiers.ToArray();
    private readonly IReadOnlyList<ProviderDefinition> _providers = providers.ToArray();

    /// <exception cref="ArgumentException">
    /// The credentials are not the provider's model, or the reconnect id is not a connection of this provider and end user.
    /// </exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; nothing was saved or recorded.</exception>
    public async Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Every log line written until the answer is back is scrubbed of the typed secrets, whoever writes it.
        using var inFlight = SecretsInFlight.Track(request.Provider.SecretValuesOf(request.Credentials));
        try
        {
            return WithoutSecrets(await ConnectCoreAsync(request, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException && SecretsInFlight.Contains(exception.ToString()))
        {
            // Whoever catches this next (the circuit's error log, a host API) runs after the secrets left flight.
            throw RedactedException.From(exception);
        }
    }

    private async Task<ConnectResult> ConnectCoreAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        var provider = request.Provider;
        var verifier = VerifierFor(provider.Id);

        if (request.SessionId is { } sessionId)
        {
            // Checked before the test call too: credentials are not sent anywhere for a session that cannot save.
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            var session = await db.ConnectSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (SessionRefusal(session, request) is { } refusal)
            {
                LogSessionRefused(sessionId, refusal);
                return SessionEnded(refusal);
            }
        }

        // The form validates too, but this service is the last gate before the provider: a value that breaks a rule
        // (a line break in a header, an & in a form body) must never reach the provider's API, whoever the caller is.
        if (InvalidFields(provider, request.Credentials) is { Count: > 0 } invalidFields)
        {
            LogInvalidInput(provider.Id, string.Join(", ", invalidFields));
            return new ConnectResult
            {
                Status = ConnectStatus.NotVerified,
                Outcome = VerificationOutcome.InvalidInput,
                Problem = InvalidInputProblem(provider, invalidFields),
            };
        }

        if (request.ReconnectConnectionId is { } reconnectId)
        {
            // Checked before the test call: no reason to send credentials to the provider for a connection we would refuse to update.
            try
            {
                await RequireReconnectTargetAsync(request, reconnectId, cancellationToken);
            }
            catch (ArgumentException) when (request.SessionId is { } reconnectSessionId)
            {
                // The host deleted the connection since it made the link: the link can no longer do what it promised.
                LogSessionRefused(reconnectSessionId, SessionStatus.Unknown);
                return SessionEnded(SessionStatus.Unknown);
            }
        }

        var timed = await TimedVerifyAsync(verifier, request.Credentials, cancellationToken);
        var (verification, attemptId, verifiedAt) = (timed.Result, timed.AttemptId, timed.VerifiedAt);
        var trigger = request.ReconnectConnectionId is null ? VerificationTrigger.Connect : VerificationTrigger.Reconnect;
        VerificationAttemptRecord Attempt(Guid? connectionId) => timed.Attempt(request.EndUserId, connectionId, trigger, connectionId is null ? null : ConnectionStatus.Healthy);

        if (!verification.IsVerified)
        {
            await TryRecordAttemptAsync(Attempt(null), cancellationToken);
            return new ConnectResult
            {
                Status = ConnectStatus.NotVerified,
                Outcome = verification.Outcome,
                OutcomeCode = verification.Code,
                Problem = verification.Problem ?? UnexplainedRefusal(provider.DisplayName),
            };
        }

        try
        {
            var connectionId = await SaveAsync(request, verification, verifiedAt, Attempt, cancellationToken);
            LogSaved(attemptId, provider.Id, connectionId);
            return ConnectResult.Connected(connectionId, verifiedAt);
        }
        catch (SessionEndedException ended)
        {
            LogSessionRefused(request.SessionId!.Value, ended.Status);
            await TryRecordAttemptAsync(Attempt(null), cancellationToken);
            return SessionEnded(ended.Status);
        }
        catch (DbUpdateConcurrencyException conflict) when (conflict.Entries.Any(e => e.Entity is ConnectSessionRecord))
        {
            // Another tab saved with the same session between our read and our write; its connection stands, ours is not saved.
            LogSessionRefused(request.SessionId!.Value, SessionStatus.Used);
            await TryRecordAttemptAsync(Attempt(null), cancellationToken);
            return SessionEnded(SessionStatus.Used);
        }
        catch (Exception exception) when (IsStorageFailure(exception))
        {
            LogSaveFailed(exception, attemptId, provider.Id);
            await TryRecordAttemptAsync(Attempt(null), cancellationToken);
            return new ConnectResult
            {
                Status = ConnectStatus.NotSaved,
                Outcome = VerificationOutcome.Verified,
                VerifiedAt = verifiedAt,
                Problem = new ConnectProblem(
                    string.Format(CultureInfo.CurrentCulture, ConnectionsStrings.NotSaved, provider.DisplayName),
                    Fields: [],
                    GuideStepAnchor: null),
            };
        }
    }

    private const int MinimumSecretLengthInMessages = 4;

    /// <summary>
    /// Verifiers blank secrets out of what the provider said already; this catches a provider echo any of them missed.
    /// The message is our own sentence, so very short secrets are left in it: blanking every "a" of a one-letter
    /// password would garble it, and such a value cannot be told apart from ordinary words anyway.
    /// </summary>
    private static ConnectResult WithoutSecrets(ConnectResult result) => result.Problem is not { } problem ? result : result with
    {
        Problem = problem with
        {
            Message = SecretsInFlight.Redact(problem.Message, minimumLength: MinimumSecretLengthInMessages),
            TechnicalDetails = problem.TechnicalDetails is { } details ? SecretsInFlight.Redact(details) : null,
            SuggestedValues = problem.SuggestedValues?.ToDictionary(p => p.Key, p => SecretsInFlight.Redact(p.Value)),
        },
    };

    /// <summary>The names of the fields that break the provider's rules, in form order.</summary>
    private static IReadOnlyList<string> InvalidFields(ProviderDefinition provider, CredentialModel credentials)
    {
        if (!provider.Validator.CanValidateInstancesOfType(credentials.GetType()))
        {
            throw new ArgumentException($"The credentials are a {credentials.GetType().Name}, not a model of provider '{provider.Id}'.", nameof(credentials));
        }

        var failed = provider.Validator.Validate(new ValidationContext<object>(credentials)).Errors
            .Select(e => e.PropertyName)
            .ToHashSet(StringComparer.Ordinal);
        return credentials.FieldNames.Where(failed.Contains).Concat(failed.Except(credentials.FieldNames)).ToArray();
    }

    private static ConnectProblem InvalidInputProblem(ProviderDefinition provider, IReadOnlyList<string> fields)
    {
        var labels = fields.Select(f => provider.FindField(f)?.Label() ?? f);
        return new ConnectProblem(
            string.Format(CultureInfo.CurrentCulture, ConnectionsStrings.InvalidInput, provider.DisplayName, string.Join(", ", labels)),
            fields,
            fields.Select(provider.FindField).FirstOrDefault(f => f is not null)?.GuideStepAnchor,
            $"refused before any call; invalid fields: {string.Join(", ", fields)}");
    }

    public async Task<StoredVerification?> VerifyStoredAsync(Guid connectionId, VerificationTrigger trigger, CancellationToken cancellationToken)
    {
        ConnectionRecord? record;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            record = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        }

        if (record is null)
        {
            return null;
        }

        var provider = _providers.FirstOrDefault(p => string.Equals(p.Id, record.ProviderId, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Connection {connectionId} belongs to provider '{record.ProviderId}', which is not registered.");
        var credentials = provider.CreateModel();
        var stored = ConnectionSettings.Deserialize(record.SettingsJson)
            .Concat(protector.Unprotect(record.Id, record.ProtectedCredentials));
        foreach (var (name, value) in stored)
        {
            if (credentials.FieldNames.Contains(name))
            {
                credentials[name] = value;
            }
        }

        using var inFlight = SecretsInFlight.Track(provider.SecretValuesOf(credentials));
        var timed = await TimedVerifyAsync(VerifierFor(provider.Id), credentials, cancellationToken);
        var (verification, verifiedAt) = (timed.Result, timed.VerifiedAt);

        var status = await RecordStoredVerificationAsync(record, timed, trigger, cancellationToken);
        return new StoredVerification(connectionId, provider.Id, verification.Outcome, verifiedAt, verification.Problem, verification.AccountLabel, status)
        {
            OutcomeCode = verification.Code,
        };
    }

    /// <summary>
    /// Writes the outcome, the status it leads to, the attempt and any event in one transaction. Only verification columns
    /// change: whatever the provider answered, the stored credentials stay exactly as they were.
    /// </summary>
    private async Task<ConnectionStatus> RecordStoredVerificationAsync(
        ConnectionRecord checkedRecord, TimedVerification timed, VerificationTrigger trigger, CancellationToken cancellationToken)
    {
        var (verification, verifiedAt) = (timed.Result, timed.VerifiedAt);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Connections.SingleOrDefaultAsync(c => c.Id == checkedRecord.Id, cancellationToken);
        if (record is null || record.UpdatedAt != checkedRecord.UpdatedAt)
        {
            // Deleted, or reconnected with new credentials while the old ones were being checked: this answer is about
            // credentials the connection no longer has, so it goes to the history only.
            db.VerificationAttempts.Add(timed.Attempt(checkedRecord.EndUserId, checkedRecord.Id, trigger, record?.Status));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return record?.Status ?? checkedRecord.Status;
        }

        var before = record.Status;
        (record.Status, record.ConsecutiveRefusals) = ConnectionHealth.After(record.Status, record.ConsecutiveRefusals, verification.Outcome);
        record.LastVerifiedAt = verifiedAt;
        record.LastOutcome = verification.Name;
        record.NextVerificationAtUnixMs = schedule.NextAfter(verifiedAt, verification.Outcome).ToUnixTimeMilliseconds();
        if (verification.IsVerified && verification.AccountLabel is not null)
        {
            record.AccountLabel = verification.AccountLabel;
        }

        if (record.Status != before)
        {
            record.StatusChangedAt = verifiedAt;
            LogStatusChanged(record.Id, record.ProviderId, before, record.Status, verification.Outcome);
            if (record.Status == ConnectionStatus.NeedsRelink)
            {
                events.Add(db, ConnectionEventTypes.NeedsRelink, record, verifiedAt);
            }
            else if (before == ConnectionStatus.NeedsRelink && record.Status == ConnectionStatus.Healthy)
            {
                events.Add(db, ConnectionEventTypes.Healthy, record, verifiedAt);
            }
        }

        db.VerificationAttempts.Add(timed.Attempt(record.EndUserId, record.Id, trigger, record.Status));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.NotifyCommitted();
        return record.Status;
    }

    private IProviderVerifier VerifierFor(string providerId) =>
        _verifiers.FirstOrDefault(v => string.Equals(v.ProviderId, providerId, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No verifier is registered for provider '{providerId}'.");

    /// <summary>One test call, timed and logged, with what its attempt row needs.</summary>
    private sealed record TimedVerification(
        string ProviderId, VerificationResult Result, Guid AttemptId, DateTimeOffset StartedAt, long DurationMs, DateTimeOffset VerifiedAt)
    {
        public VerificationAttemptRecord Attempt(string? endUserId, Guid? connectionId, VerificationTrigger trigger, ConnectionStatus? statusAfter) => new()
        {
            Id = AttemptId,
            AttemptedAt = StartedAt,
            ProviderId = ProviderId,
            EndUserId = endUserId,
            Outcome = Result.Name,
            DurationMs = DurationMs,
            ConnectionId = connectionId,
            Trigger = trigger,
            StatusAfter = statusAfter,
        };
    }

    private async Task<TimedVerification> TimedVerifyAsync(
        IProviderVerifier verifier,
        CredentialModel credentials,
        CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var attemptId = Guid.CreateVersion7(startedAt);
        var startedTimestamp = timeProvider.GetTimestamp();
        VerificationResult verification;
        try
        {
            verification = await verifier.VerifyAsync(credentials, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogVerificationThrew(exception, attemptId, verifier.ProviderId, (long)timeProvider.GetElapsedTime(startedTimestamp).TotalMilliseconds);
            throw;
        }

        var durationMs = (long)timeProvider.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        var verifiedAt = timeProvider.GetUtcNow();
        LogVerification(attemptId, verifier.ProviderId, verification.Name, durationMs);
        return new TimedVerification(verifier.ProviderId, verification, attemptId, startedAt, durationMs, verifiedAt);
    }

    /// <summary>Why the session cannot save this request; null when it can. A session for someone or something else counts as unknown.</summary>
    private SessionStatus? SessionRefusal(ConnectSessionRecord? session, ConnectRequest request)
    {
        if (session is null
            || session.EndUserId != request.EndUserId
            || session.ReconnectConnectionId != request.ReconnectConnectionId
            || !ConnectSession.FromRecord(session).Allows(request.Provider.Id))
        {
            return SessionStatus.Unknown;
        }

        var status = SessionService.StatusOf(session, timeProvider.GetUtcNow());
        return status == SessionStatus.Active ? null : status;
    }

    // The provider refused nothing (the save comes only after a verified call, the early check before any call): the session alone ended it.
    private static ConnectResult SessionEnded(SessionStatus status) => new()
    {
        Status = ConnectStatus.SessionEnded,
        Outcome = VerificationOutcome.Verified,
        SessionStatus = status,
        Problem = new ConnectProblem(
            status == SessionStatus.Used ? ConnectionsStrings.SessionUsed : ConnectionsStrings.SessionExpired,
            Fields: [],
            GuideStepAnchor: null),
    };

    private sealed class SessionEndedException(SessionStatus status) : Exception("The connect session can no longer save.")
    {
        public SessionStatus Status => status;
    }

    private async Task RequireReconnectTargetAsync(ConnectRequest request, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Connections.AsNoTracking()
            .Where(c => c.Id == connectionId)
            .Select(c => new { c.ProviderId, c.EndUserId })
            .SingleOrDefaultAsync(cancellationToken);

        // The same end user too: one person must not overwrite another's connection by sending its id.
        if (existing is null || existing.ProviderId != request.Provider.Id || existing.EndUserId != request.EndUserId)
        {
            throw new ArgumentException(
                $"There is no connection {connectionId} of provider '{request.Provider.Id}' for this end user to reconnect.",
                nameof(request));
        }
    }

    /// <summary>Writes the connection and its attempt in one SaveChanges, so either both are stored or neither.</summary>
    private async Task<Guid> SaveAsync(
        ConnectRequest request,
        VerificationResult verification,
        DateTimeOffset verifiedAt,
        Func<Guid?, VerificationAttemptRecord> attempt,
        CancellationToken cancellationToken)
    {
        var (settings, secrets) = ConnectionSettings.Split(request.Provider, request.Credentials);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);

        // Read in this transaction: the session is marked used with the same save, and a new connection takes its tenant.
        ConnectSessionRecord? session = null;
        if (request.SessionId is { } sessionId)
        {
            session = await db.ConnectSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (SessionRefusal(session, request) is { } refusal)
            {
                throw new SessionEndedException(refusal);
            }
        }

        ConnectionRecord record;
        var statusBefore = ConnectionStatus.Healthy;
        if (request.ReconnectConnectionId is { } reconnectId)
        {
            record = await db.Connections.SingleOrDefaultAsync(c => c.Id == reconnectId, cancellationToken)
                ?? throw new DbUpdateConcurrencyException("The connection was deleted while it was being verified again.");
            if (session is not null && session.TenantId != record.TenantId)
            {
                // The host API never makes such a session; one tenant's link must not renew another tenant's connection.
                throw new SessionEndedException(SessionStatus.Unknown);
            }

            statusBefore = record.Status;
        }
        else
        {
            var id = Guid.CreateVersion7(verifiedAt);
            record = new ConnectionRecord
            {
                Id = id,
                ProviderId = request.Provider.Id,
                EndUserId = request.EndUserId,
                TenantId = session?.TenantId,
                SettingsJson = string.Empty,
                ProtectedCredentials = string.Empty,
                LastOutcome = nameof(VerificationOutcome.Verified),
                CreatedAt = verifiedAt,
                StatusChangedAt = verifiedAt,
            };
            db.Connections.Add(record);
        }

        record.SettingsJson = ConnectionSettings.Serialize(settings);
        record.ProtectedCredentials = protector.Protect(record.Id, secrets);
        record.AccountLabel = verification.AccountLabel;
        record.UpdatedAt = verifiedAt;
        record.LastVerifiedAt = verifiedAt;
        record.LastOutcome = nameof(VerificationOutcome.Verified);
        // New credentials the provider just accepted: whatever the old ones' status was, the connection is healthy again.
        record.Status = ConnectionStatus.Healthy;
        record.ConsecutiveRefusals = 0;
        record.NextVerificationAtUnixMs = schedule.NextAfter(verifiedAt, VerificationOutcome.Verified).ToUnixTimeMilliseconds();
        if (statusBefore != ConnectionStatus.Healthy)
        {
            record.StatusChangedAt = verifiedAt;
        }

        db.VerificationAttempts.Add(attempt(record.Id));
        if (request.ReconnectConnectionId is null)
        {
            events.Add(db, ConnectionEventTypes.Created, record, verifiedAt);
        }
        else
        {
            events.Add(db, ConnectionEventTypes.Updated, record, verifiedAt);
            if (statusBefore == ConnectionStatus.NeedsRelink)
            {
                events.Add(db, ConnectionEventTypes.Healthy, record, verifiedAt);
            }
        }

        if (session is not null)
        {
            session.ConsumedAt = verifiedAt;
            session.ConnectionId = record.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        events.NotifyCommitted();
        return record.Id;
    }

    /// <summary>The attempt log helps support but must not turn a provider's answer into an error page.</summary>
    private async Task TryRecordAttemptAsync(VerificationAttemptRecord attempt, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            db.VerificationAttempts.Add(attempt);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (IsStorageFailure(exception))
        {
            LogAttemptNotRecorded(exception, attempt.Id, attempt.ProviderId);
        }
    }

    // Data Protection keys live in the same database, so an unreadable key ring is a storage failure too.
    private static bool IsStorageFailure(Exception exception) =>
        exception is DbException or DbUpdateException or CryptographicException;

    private static ConnectProblem UnexplainedRefusal(string providerName) => new(
        string.Format(CultureInfo.CurrentCulture, ConnectionsStrings.UnexplainedRefusal, providerName),
        Fields: [],
        GuideStepAnchor: null);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Verification attempt {AttemptId} with {ProviderId} ended {Outcome} after {DurationMs} ms")]
    private partial void LogVerification(Guid attemptId, string providerId, string outcome, long durationMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Connection request for {ProviderId} refused before the test call: invalid {Fields}")]
    private partial void LogInvalidInput(string providerId, string fields);
    [LoggerMessage(Level = LogLevel.Error,
        Message = "Verification attempt {AttemptId} with {ProviderId} threw after {DurationMs} ms")]
    private partial void LogVerificationThrew(Exception exception, Guid attemptId, string providerId, long durationMs);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Verification attempt {AttemptId} saved connection {ConnectionId} of {ProviderId}")]
    private partial void LogSaved(Guid attemptId, string providerId, Guid connectionId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Verification attempt {AttemptId} with {ProviderId} succeeded but the connection could not be saved")]
    private partial void LogSaveFailed(Exception exception, Guid attemptId, string providerId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Connect session {SessionId} refused to save: {Status}")]
    private partial void LogSessionRefused(Guid sessionId, SessionStatus status);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Connection {ConnectionId} of {ProviderId} went from {Before} to {After} after {Outcome}")]
    private partial void LogStatusChanged(Guid connectionId, string providerId, ConnectionStatus before, ConnectionStatus after, VerificationOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Verification attempt {AttemptId} with {ProviderId} could not be recorded")]
    private partial void LogAttemptNotRecorded(Exception exception, Guid attemptId, string providerId);
}
