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
        lock (Events)
        {
            Monitor.PulseAll(Events);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The first event that matches, once recorded. A page records an event after the render that follows the person's
    /// action, so no render announces it and bUnit's WaitForAssertion would not look again.
    /// </summary>
    public JourneyEventData WaitFor(Func<JourneyEventData, bool> match)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        lock (Events)
        {
            while (!Events.Any(match))
            {
                var left = giveUp - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(Events, left))
                {
                    return Events.FirstOrDefault(match) ?? throw new TimeoutException("No such journey event was recorded within 5 s.");
                }
            }
        }

        return Events.First(match);
    }
}
