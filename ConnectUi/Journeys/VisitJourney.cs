using ConnectUi.Connections;
using ConnectUi.Security.Redaction;

namespace ConnectUi.Journeys;

/// <summary>
/// The journey of one provider page, as its components report it. Events are written one after another in the order
/// they happened, without making the customer wait; a recording failure is logged and never reaches the page.
/// Field events keep the field name, the failed rule and its message, never what was typed.
/// </summary>
public sealed partial class VisitJourney(IJourneyRecorder recorder, ILogger<VisitJourney> logger)
{
    private readonly Dictionary<string, string?> _failingRules = new(StringComparer.Ordinal);
    private Task _tail = Task.CompletedTask;
    private (JourneyEventKind Kind, string? Step)? _last;

    /// <summary>Set once the visit is stored; its support code is what the page shows.</summary>
    public VisitSummary? Visit { get; private set; }

    public bool HasEnded { get; private set; }

    /// <summary>Raised when the visit is stored and its support code can be shown.</summary>
    public event Action? Started;

    public void Start(VisitStart start) => Enqueue(async () =>
    {
        Visit = await recorder.StartVisitAsync(start, CancellationToken.None);
        Started?.Invoke();
    });

    /// <summary>A field was checked against its rules: recorded only when it turns valid or invalid, or fails another rule.</summary>
    /// <param name="secrets">The form's secret values, blanked out of the message in case a rule ever echoes one.</param>
    public void FieldChecked(string field, string? failedRule, string? message, IEnumerable<string?> secrets)
    {
        var known = _failingRules.TryGetValue(field, out var previous);
        if ((known && previous == failedRule) || (!known && failedRule is null))
        {
            return;
        }

        _failingRules[field] = failedRule;
        Record(failedRule is null
            ? new JourneyEventData(JourneyEventKind.FieldValid) { Field = field }
            : new JourneyEventData(JourneyEventKind.FieldInvalid) { Field = field, Rule = failedRule, Message = SecretText.Redact(message ?? string.Empty, secrets) });
    }

    public void FindValueFollowed(string field, string step) =>
        Record(new JourneyEventData(JourneyEventKind.FindValueFollowed) { Field = field, Step = step });

    /// <summary>A guide step was brought into view; right after "Where do I find this?" for the same step it says nothing new.</summary>
    public void StepShown(string step)
    {
        if (_last is (JourneyEventKind.FindValueFollowed, var followed) && followed == step)
        {
            return;
        }

        Record(new JourneyEventData(JourneyEventKind.GuideStepShown) { Step = step });
    }

    /// <summary>A copy button was used; copyable values are guide values (addresses, scopes), never what the customer typed.</summary>
    public void Copied(string value) => Record(new JourneyEventData(JourneyEventKind.ValueCopied) { Detail = value });

    /// <param name="settings">The non-secret settings submitted, as "label: value" lines.</param>
    public void Submitted(string? settings) => Record(new JourneyEventData(JourneyEventKind.Submitted) { Detail = settings });

    public void Outcome(ConnectResult result)
    {
        var problem = result.Problem;
        Record(new JourneyEventData(JourneyEventKind.Outcome)
        {
            Outcome = result.Outcome,
            OutcomeCode = result.OutcomeCode,
            Message = problem?.Message,
            Field = problem is { Fields.Count: > 0 } ? string.Join(", ", problem.Fields) : null,
            Step = problem?.GuideStepAnchor,
            TechnicalDetails = problem?.TechnicalDetails,
            Detail = result.Status == ConnectStatus.NotVerified ? null : result.Status.ToString(),
        });
    }

    public void Connected(Guid connectionId)
    {
        HasEnded = true;
        Record(new JourneyEventData(JourneyEventKind.Connected) { ConnectionId = connectionId });
    }

    /// <summary>The page went away without a connection (tab closed, circuit ended, navigated elsewhere).</summary>
    public Task AbandonAsync()
    {
        if (!HasEnded)
        {
            HasEnded = true;
            Record(new JourneyEventData(JourneyEventKind.Abandoned));
        }

        return _tail;
    }

    private void Record(JourneyEventData data)
    {
        _last = (data.Kind, data.Step);
        Enqueue(() => Visit is { } visit ? recorder.RecordAsync(visit.Id, data, CancellationToken.None) : Task.CompletedTask);
    }

    private void Enqueue(Func<Task> work) => _tail = RunAfterAsync(_tail, work);

    private async Task RunAfterAsync(Task previous, Func<Task> work)
    {
        await previous;
        try
        {
            await work();
        }
        catch (Exception exception)
        {
            LogRecordingFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a journey event for the support console failed")]
    private partial void LogRecordingFailed(Exception exception);
}
