using ConnectUi.Journeys;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Journeys;

/// <summary>What one instance publishes, another reads back whole (the live path across instances runs in the cluster tests).</summary>
public sealed class RedisJourneyFeedTests
{
    [Fact]
    public void An_update_reads_back_equal_from_its_json_with_every_field()
    {
        var visit = new VisitSummary(
            Guid.NewGuid(), "ACE347", "connectwise-psa", "acme-17", "Acme Portal", "de-DE", ViewportClass.Phone,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(3), "step-2", VerificationOutcome.SettingRejected,
            2, VisitState.Active, null, null);
        var journeyEvent = new JourneyEvent(
            42, visit.Id, DateTimeOffset.UnixEpoch.AddMinutes(3), JourneyEventKind.Outcome, "ClientId", null, "Refused.", "step-2",
            VerificationOutcome.SettingRejected, "HTTP 401", null, "InvalidClientId");
        var update = new JourneyUpdate(visit, journeyEvent);

        var read = RedisJourneyFeed.Deserialize(RedisJourneyFeed.Serialize(update));

        Assert.Equal(update, read);
        Assert.Equal(new ProviderOutcome(VerificationOutcome.SettingRejected, "InvalidClientId"), read!.Event.ProviderOutcome);
    }
}
