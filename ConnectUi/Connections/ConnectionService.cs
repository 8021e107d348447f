using System.Data.Common;
using System.Security.Cryptography;
using ConnectUi.Connections.Storage;
using ConnectUi.Security.Redaction;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Connections;

/// <summary>Asks the provider's verifier first, records the attempt, and saves the connection only when the provider accepted it.</summary>
public sealed partial class ConnectionService(
    IEnumerable<IProviderVerifier> verifiers,
    IDbContextFactory<ConnectUiDbContext> dbContextFactory,
    CredentialProtector protector,
    TimeProvider timeProvider,
    ILogger<ConnectionService> logger) : IConnectionService
{
    private readonly IReadOnlyList<IProviderVerifier> _verifiers = verifiers.ToArray();

    /// <exception cref="ArgumentException">The reconnect id is not a connection of this provider and end user.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; nothing was saved or recorded.</exception>
    public async Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Every log line written until the answer is back is scrubbed of the typed secrets, whoever writes it.
        using var inFlight = SecretsInFlight.Track(request.Provider, request.Credentials);
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
        var verifier = _verifiers.FirstOrDefault(v => string.Equals(v.ProviderId, provider.Id, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No verifier is registered for provider '{provider.Id}'.");

        if (request.ReconnectConnectionId is { } reconnectId)
        {
            // Checked before the test call: no reason to send credentials to the provider for a connection we would refuse to update.
            await RequireReconnectTargetAsync(request, reconnectId, cancellationToken);
        }

        var startedAt = timeProvider.GetUtcNow();
        var attemptId = Guid.CreateVersion7(startedAt);
        var startedTimestamp = timeProvider.GetTimestamp();
        VerificationResult verification;
        try
        {
            verification = await verifier.VerifyAsync(request.Credentials, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogVerificationThrew(exception, attemptId, provider.Id, (long)timeProvider.GetElapsedTime(startedTimestamp).TotalMilliseconds);
            throw;
        }

        var durationMs = (long)timeProvider.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        var verifiedAt = timeProvider.GetUtcNow();
        LogVerification(attemptId, provider.Id, verification.Outcome, durationMs);

        VerificationAttemptRecord Attempt(Guid? connectionId) => new()
        {
            Id = attemptId,
            AttemptedAt = startedAt,
            ProviderId = provider.Id,
            EndUserId = request.EndUserId,
            Outcome = verification.Outcome,
            DurationMs = durationMs,
            ConnectionId = connectionId,
        };

        if (!verification.IsVerified)
        {
            await TryRecordAttemptAsync(Attempt(null), cancellationToken);
            return new ConnectResult
            {
                Status = ConnectStatus.NotVerified,
                Outcome = verification.Outcome,
                Problem = verification.Problem ?? UnexplainedRefusal(provider.DisplayName),
            };
        }

        try
        {
            var connectionId = await SaveAsync(request, verification, verifiedAt, Attempt, cancellationToken);
            LogSaved(attemptId, provider.Id, connectionId);
            return ConnectResult.Connected(connectionId, verifiedAt);
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
                    $"We verified your credentials with {provider.DisplayName} but could not save the connection. Nothing you typed is lost: try again.",
                    Fields: [],
                    GuideStepAnchor: null),
            };
        }
    }

    /// <summary>Verifiers blank secrets out of their messages already; this catches a provider echo any of them missed.</summary>
    private static ConnectResult WithoutSecrets(ConnectResult result) => result.Problem is not { } problem ? result : result with
    {
        Problem = problem with
        {
            Message = SecretsInFlight.Redact(problem.Message),
            TechnicalDetails = problem.TechnicalDetails is { } details ? SecretsInFlight.Redact(details) : null,
            SuggestedValues = problem.SuggestedValues?.ToDictionary(p => p.Key, p => SecretsInFlight.Redact(p.Value)),
        },
    };

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

        ConnectionRecord record;
        if (request.ReconnectConnectionId is { } reconnectId)
        {
            record = await db.Connections.SingleOrDefaultAsync(c => c.Id == reconnectId, cancellationToken)
                ?? throw new DbUpdateConcurrencyException("The connection was deleted while it was being verified again.");
        }
        else
        {
            var id = Guid.CreateVersion7(verifiedAt);
            record = new ConnectionRecord
            {
                Id = id,
                ProviderId = request.Provider.Id,
                EndUserId = request.EndUserId,
                SettingsJson = string.Empty,
                ProtectedCredentials = string.Empty,
                CreatedAt = verifiedAt,
            };
            db.Connections.Add(record);
        }

        record.SettingsJson = ConnectionSettings.Serialize(settings);
        record.ProtectedCredentials = protector.Protect(record.Id, secrets);
        record.AccountLabel = verification.AccountLabel;
        record.UpdatedAt = verifiedAt;
        record.LastVerifiedAt = verifiedAt;
        record.LastOutcome = VerificationOutcome.Verified;
        db.VerificationAttempts.Add(attempt(record.Id));

        await db.SaveChangesAsync(cancellationToken);
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
        $"{providerName} did not accept these credentials. Check them against the guide and try again.",
        Fields: [],
        GuideStepAnchor: null);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Verification attempt {AttemptId} with {ProviderId} ended {Outcome} after {DurationMs} ms")]
    private partial void LogVerification(Guid attemptId, string providerId, VerificationOutcome outcome, long durationMs);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Verification attempt {AttemptId} with {ProviderId} threw after {DurationMs} ms")]
    private partial void LogVerificationThrew(Exception exception, Guid attemptId, string providerId, long durationMs);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Verification attempt {AttemptId} saved connection {ConnectionId} of {ProviderId}")]
    private partial void LogSaved(Guid attemptId, string providerId, Guid connectionId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Verification attempt {AttemptId} with {ProviderId} succeeded but the connection could not be saved")]
    private partial void LogSaveFailed(Exception exception, Guid attemptId, string providerId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Verification attempt {AttemptId} with {ProviderId} could not be recorded")]
    private partial void LogAttemptNotRecorded(Exception exception, Guid attemptId, string providerId);
}
