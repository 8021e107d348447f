using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Features.SupportConsole;

public static class SupportConsoleServiceCollectionExtensions
{
    /// <summary>The console pages' shared wording; accounts, sign-in and journeys are registered by AddStaff and AddJourneys.</summary>
    public static IServiceCollection AddSupportConsole(this IServiceCollection services)
    {
        services.AddLocalization();
        services.TryAddScoped<IConsoleText, ConsoleText>();
        return services;
    }
}
