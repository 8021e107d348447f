using System.Collections.Immutable;

namespace ConnectUi.Journeys;

/// <summary>The journey feed of a single instance: every subscriber of this process hears every update, in order.</summary>
public sealed partial class InProcessJourneyFeed(ILogger<InProcessJourneyFeed> logger) : IJourneyFeed
{
    private ImmutableArray<Subscription> _subscriptions = [];

    public async Task PublishAsync(JourneyUpdate update, CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            try
            {
                await subscription.OnUpdate(update);
            }
            catch (Exception exception)
            {
                // One broken console (a closed circuit) must not keep the update from the others.
                LogSubscriberFailed(exception, update.Visit.Id);
            }
        }
    }

    public IDisposable Subscribe(Func<JourneyUpdate, Task> onUpdate)
    {
        var subscription = new Subscription(this, onUpdate);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    private void Remove(Subscription subscription) => ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A journey feed subscriber failed on an update of visit {VisitId}")]
    private partial void LogSubscriberFailed(Exception exception, Guid visitId);

    private sealed class Subscription(InProcessJourneyFeed feed, Func<JourneyUpdate, Task> onUpdate) : IDisposable
    {
        public Func<JourneyUpdate, Task> OnUpdate { get; } = onUpdate;

        public void Dispose() => feed.Remove(this);
    }
}
