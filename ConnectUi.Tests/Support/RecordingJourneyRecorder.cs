using System.Collections.Concurrent;
using ConnectUi.Journeys;

namespace ConnectUi.Tests.Support;

/// <summary>Keeps what a page reported about its journey, in memory, for tests to inspect.</summary>
public sealed class RecordingJourneyRecorder : IJourneyRecorder
{
    public ConcurrentQueue<VisitStart> Starts { get; } = new();
    public ConcurrentQueue<JourneyEventData> Events { get; } = new();

    public Task<VisitSummary> StartVisitAsync(VisitStart start, CancellationToken cancellationToken)
    {
        Starts.Enqueue(start);
        var now = TestServices.Now;
        return Task.FromResult(new VisitSummary(Guid.NewGuid(), "ACE347", start.ProviderId, start.EndUserId, start.HostName, start.BrowserLanguage,
            start.Viewport, now, now, start.Step, null, 0, VisitState.Active, null, null));
    }

    public Task RecordAsync(Guid visitId, JourneyEventData data, CancellationToken cancellationToken)
    {
        Events.Enqueue(data);
        return Task.CompletedTask;
    }
}
