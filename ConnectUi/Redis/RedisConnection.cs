using StackExchange.Redis;

namespace ConnectUi.Redis;

/// <summary>
/// The one Redis connection of this instance (<c>ConnectionStrings:Redis</c>), shared by everything that instances must
/// agree on: attempt limits, lock-outs, the host API rate limit, the journey feed and persisted circuit state. It never
/// fails start-up: while Redis is unreachable, commands fail fast and each user of the connection refuses safely.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    public const string ConnectionStringName = "Redis";

    /// <summary>Prefix of every key and channel, so several deployments can share one Redis.</summary>
    public const string KeyPrefixKey = "ConnectUi:Redis:KeyPrefix";

    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        Options = ConfigurationOptions.Parse(connectionString);
        // Keep reconnecting in the background instead of throwing at start; answer within two seconds either way.
        Options.AbortOnConnectFail = false;
        Options.ClientName ??= "ConnectUi";
        if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
        {
            Options.ConnectTimeout = 2000;
        }

        if (!connectionString.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            Options.SyncTimeout = 2000;
            Options.AsyncTimeout = 2000;
        }

        KeyPrefix = configuration[KeyPrefixKey] is { Length: > 0 } prefix ? prefix : "connectui:";
        _multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(Options));
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    public ConfigurationOptions Options { get; }

    public string KeyPrefix { get; }

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>A key under this deployment's prefix, e.g. <c>connectui:lockout:until:{account}</c>.</summary>
    public RedisKey Key(string name) => KeyPrefix + name;

    public RedisChannel Channel(string name) => RedisChannel.Literal(KeyPrefix + name);

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
