using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Cli;

public static class CliServiceCollectionExtensions
{
    /// <summary>Adds a command to <c>dotnet ConnectUi.dll &lt;command&gt;</c>: one line per command, in its area's AddXxx.</summary>
    public static IServiceCollection AddCliCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, ICliCommand
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICliCommand, TCommand>());
        return services;
    }
}
