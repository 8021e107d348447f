using ConnectUi.Connections;
using ConnectUi.Redis;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Abuse;

public static class AbuseServiceCollectionExtensions
{
    /// <summary>
    /// Wraps the registered <see cref="IConnectionService"/> in the attempt limits (call after <c>AddConnections</c>),
    /// and registers the stores every limit counts in. Limits: <c>ConnectUi:RateLimits</c>.
    /// </summary>
    public static IServiceCollection AddAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(VerificationAttemptLimiter)))
        {
            return services;
        }

        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PerCaller.IsValid && o.HostApi.IsValid && o.FailedAuthentication.IsValid,
                $"{RateLimitOptions.Section}: every PermitLimit and Window must be positive.")
            .Validate(o => o.Lockout.IsValid,
                $"{RateLimitOptions.Section}:Lockout: FailuresBeforeLockout, FirstLockout, AccountFailuresBeforeDelay and AccountFirstDelay must be positive, FirstLockout <= MaxLockout <= ForgetFailuresAfter, AccountFirstDelay <= AccountMaxDelay <= 2 minutes.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VerificationAttemptLimiter>();
        services.TryAddSingleton<AccountLockout>();
        services.TryAddSingleton<FailedAuthenticationLimiter>();

        // With Redis, every instance counts against the same limits; without it, this process counts alone.
        if (RedisConnection.IsConfigured(configuration))
        {
            services.TryAddSingleton<ILimiterStore, RedisLimiterStore>();
            services.TryAddSingleton<ILockoutStore, RedisLockoutStore>();
        }
        else
        {
            services.TryAddSingleton<ILimiterStore, InMemoryLimiterStore>();
            services.TryAddSingleton<ILockoutStore, InMemoryLockoutStore>();
        }

        services.AddHttpContextAccessor();
        services.TryAddScoped<CallerAddress>();

        services.TryAddScoped<IAttemptPartition, SessionOrAddressPartition>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CallerAddressCircuitHandler>());

        DecorateConnectionService(services);
        return services;
    }

    private static void DecorateConnectionService(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IConnectionService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Call AddConnections before AddAbuseLimits: there is no IConnectionService to limit.");
        // Scoped whatever the inner lifetime: the decorator reads the caller of the current circuit or request. Both are
        // built by factories made once here: ActivatorUtilities.CreateInstance would look for the constructor (and its
        // attributes) again on every page render that injects the service.
        var createInner = CreateInner(inner);
        var createLimited = ActivatorUtilities.CreateFactory<RateLimitedConnectionService>([typeof(IConnectionService)]);
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(
            typeof(IConnectionService),
            provider => createLimited(provider, [createInner(provider)]),
            ServiceLifetime.Scoped));
    }

    private static Func<IServiceProvider, IConnectionService> CreateInner(ServiceDescriptor descriptor)
    {
        if (descriptor.ImplementationInstance is IConnectionService instance)
        {
            return _ => instance;
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return provider => (IConnectionService)factory(provider);
        }

        var create = ActivatorUtilities.CreateFactory(descriptor.ImplementationType!, Type.EmptyTypes);
        return provider => (IConnectionService)create(provider, null);
    }
}
