using System.Text.Json;
using ConnectUi.Redis;
using StackExchange.Redis;

namespace ConnectUi.Journeys;

/// <summary>
/// The journey feed across instances: an update is published on a Redis channel, and every instance (the publishing one
/// too) hands what it hears to the consoles of its own process. A customer on one instance is watched live from a
/// console on another. While Redis cannot be reached, updates still reach this instance's consoles, and the visit list
/// and timelines stay right: they are read from the database, which every update was written to first.
/// </summary>
public sealed partial class RedisJourneyFeed(RedisConnection redis, InProcessJourneyFeed local, ILogger<RedisJourneyFeed> logger)
    : IJourneyFeed, IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisChannel Channel => redis.Channel("journeys");

    public async Task PublishAsync(JourneyUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, Serialize(update));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPublishFailed(exception, update.Visit.Id);
            await local.PublishAsync(update, cancellationToken);
        }
    }

    public IDisposable Subscribe(Func<JourneyUpdate, Task> onUpdate) => local.Subscribe(onUpdate);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var queue = await redis.Multiplexer.GetSubscriber().SubscribeAsync(Channel);
            // One message at a time, in the order Redis delivers them: a timeline never shows a later event first.
            queue.OnMessage(async message =>
            {
                try
                {
                    if (Deserialize(message.Message.ToString()) is { } update)
                    {
                        await local.PublishAsync(update, CancellationToken.None);
                    }
                }
                catch (JsonException exception)
                {
                    // An instance of another version wrote it: skip it; consoles reload from the database anyway.
                    LogUnreadable(exception);
                }
            });
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Start anyway: consoles still load from the database; the feed of other instances is missed until a restart.
            LogSubscribeFailed(exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An update as it travels between instances: the same JSON every instance of this version reads back.</summary>
    internal static string Serialize(JourneyUpdate update) => JsonSerializer.Serialize(update, Json);

    internal static JourneyUpdate? Deserialize(string json) => JsonSerializer.Deserialize<JourneyUpdate>(json, Json);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not take a journey update of visit {VisitId}; only this instance's consoles get it")]
    private partial void LogPublishFailed(Exception exception, Guid visitId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A journey update from Redis could not be read and was skipped")]
    private partial void LogUnreadable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not subscribe to the journey channel in Redis; consoles here see only this instance's visits live")]
    private partial void LogSubscribeFailed(Exception exception);
}
