using ConnectUi.Connections;
using ConnectUi.Journeys;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Journeys;

public sealed class VisitJourneyTests
{
    private readonly RecordingJourneyRecorder _recorder = new();
    private readonly VisitJourney _journey;

    public VisitJourneyTests()
    {
        _journey = new VisitJourney(_recorder, NullLogger<VisitJourney>.Instance);
        _journey.Start(new VisitStart("konnektive", null, null, null, null, null));
    }

    [Fact]
    public async Task A_field_is_recorded_when_it_turns_invalid_or_valid_not_on_every_keystroke()
    {
        _journey.FieldChecked("ApiLoginId", null, null, []);
        _journey.FieldChecked("ApiLoginId", "NotEmptyValidator", "Enter the API Login ID.", []);
        _journey.FieldChecked("ApiLoginId", "NotEmptyValidator", "Enter the API Login ID.", []);
        _journey.FieldChecked("ApiLoginId", "MaximumLengthValidator", "Too long.", []);
        _journey.FieldChecked("ApiLoginId", null, null, []);
        _journey.FieldChecked("ApiLoginId", null, null, []);
        await _journey.AbandonAsync();

        Assert.Equal(
            [JourneyEventKind.FieldInvalid, JourneyEventKind.FieldInvalid, JourneyEventKind.FieldValid, JourneyEventKind.Abandoned],
            _recorder.Events.Select(e => e.Kind));
        Assert.Equal(["NotEmptyValidator", "MaximumLengthValidator", null, null], _recorder.Events.Select(e => e.Rule));
    }

    [Fact]
    public async Task A_rule_message_that_echoed_a_secret_is_blanked_out()
    {
        _journey.FieldChecked("ApiPassword", "Custom", "'hunter2&x' must not contain &.", ["hunter2&x"]);
        await _journey.AbandonAsync();

        var message = _recorder.Events.First().Message!;
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
        Assert.Contains(TechnicalDetails.Redacted, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_do_i_find_this_is_one_event_not_two()
    {
        _journey.FindValueFollowed("ApiLoginId", "step-1");
        _journey.StepShown("step-1");
        _journey.StepShown("step-2");
        await _journey.AbandonAsync();

        Assert.Equal(
            [JourneyEventKind.FindValueFollowed, JourneyEventKind.GuideStepShown, JourneyEventKind.Abandoned],
            _recorder.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_connected_visit_is_not_abandoned_when_the_page_goes_away()
    {
        _journey.Connected(Guid.NewGuid());
        await _journey.AbandonAsync();

        Assert.Equal([JourneyEventKind.Connected], _recorder.Events.Select(e => e.Kind));
    }
}
