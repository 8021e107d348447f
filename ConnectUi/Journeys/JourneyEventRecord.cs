using ConnectUi.Connections;
using ConnectUi.Providers;

namespace ConnectUi.Journeys;

/// <summary>One step of a customer's setup as staff see it. Field events carry the field name and rule, never a value.</summary>
public sealed class JourneyEventRecord
{
    public long Id { get; set; }
    public Guid VisitId { get; set; }
    public DateTimeOffset At { get; set; }
    public JourneyEventKind Kind { get; set; }

    /// <summary>The field that turned valid or invalid, or that a refusal concerns.</summary>
    public string? Field { get; set; }

    /// <summary>The rule that failed (a validator's error code).</summary>
    public string? Rule { get; set; }

    /// <summary>The message the customer saw: a rule's message or the provider refusal's.</summary>
    public string? Message { get; set; }

    /// <summary>The guide step shown, followed, or pointed to by a refusal.</summary>
    public string? Step { get; set; }

    public VerificationOutcome? Outcome { get; set; }

    /// <summary>The provider's own code for an ending only it knows (<see cref="ProviderOutcome.Code"/>).</summary>
    public string? OutcomeCode { get; set; }

    /// <summary>The refusal's technical details for support (already free of secrets).</summary>
    public string? TechnicalDetails { get; set; }

    /// <summary>Anything else worth showing: the copied value, non-secret settings submitted, the browser language.</summary>
    public string? Detail { get; set; }
}

public enum JourneyEventKind
{
    PageOpened,
    GuideStepShown,
    FindValueFollowed,
    FieldInvalid,
    FieldValid,
    ValueCopied,
    Submitted,
    Outcome,
    Connected,
    Abandoned,
}
