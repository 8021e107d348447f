using Microsoft.AspNetCore.Components;

namespace ConnectUi.Features.Connect;

/// <summary>
/// What a paused circuit keeps of the connect form (<c>Blazor.pause()</c>, or a disconnected circuit the server evicts),
/// so that the circuit resumed from it, on this instance or another, puts the form back. It holds the provider, the
/// connect session's id (never its token) and the non-secret fields; secret fields never reach it.
/// </summary>
/// <remarks>
/// A scoped service registered for persistence: the framework reads <see cref="Kept"/> when the circuit pauses and sets it
/// when a circuit resumes, before any page renders, so the page can reopen the session before the form appears.
/// </remarks>
public sealed class PausedForm : IPausedForm
{
    private PausedFormDraft? _kept;
    private PausedFormDraft? _restored;

    /// <summary>The draft as persisted and restored by the framework; the form writes it through <see cref="Keep"/>.</summary>
    [PersistentState]
    public PausedFormDraft? Kept
    {
        get => _kept;
        set
        {
            // Only a resuming circuit sets it this way: remember it as the one to restore, once.
            _kept = value;
            _restored = value;
        }
    }

    /// <inheritdoc />
    public Guid? RestoredSessionId => _restored?.SessionId;

    /// <inheritdoc />
    public void Keep(PausedFormDraft draft) => _kept = draft;

    /// <inheritdoc />
    public void Drop()
    {
        _kept = null;
        _restored = null;
    }

    /// <inheritdoc />
    public void Forget(string providerId, Guid? sessionId)
    {
        if (_kept is { } kept && kept.ProviderId == providerId && kept.SessionId == sessionId)
        {
            _kept = null;
        }
    }

    /// <inheritdoc />
    public PausedFormDraft? TakeRestored(string providerId, Guid? sessionId)
    {
        if (_restored is not { } restored || restored.ProviderId != providerId || restored.SessionId != sessionId)
        {
            return null;
        }

        _restored = null;
        return restored;
    }
}

/// <summary>What the connect page and form use of <see cref="PausedForm"/>: keeping the form, and what a resumed circuit brought back.</summary>
public interface IPausedForm
{
    /// <summary>The connect session the resumed circuit was in, to open again before the form shows.</summary>
    Guid? RestoredSessionId { get; }

    /// <summary>Keeps the form's non-secret values, as the person types them.</summary>
    void Keep(PausedFormDraft draft);

    /// <summary>After a saved connection: nothing left to restore.</summary>
    void Drop();

    /// <summary>The form of this provider and session is gone (the person left it): it has nothing to resume.</summary>
    void Forget(string providerId, Guid? sessionId);

    /// <summary>The restored draft of this provider and session, handed out once; null when there is none.</summary>
    PausedFormDraft? TakeRestored(string providerId, Guid? sessionId);
}

/// <summary>One provider's form as a paused circuit keeps it: non-secret field values by field name.</summary>
public sealed record PausedFormDraft(string ProviderId, Guid? SessionId, IReadOnlyDictionary<string, string> Values);
