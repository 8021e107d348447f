using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectUi.Features.Connect;

public static class ConnectFlowServiceCollectionExtensions
{
    public static IServiceCollection AddConnectFlow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectFlowOptions>().Bind(configuration.GetSection(ConnectFlowOptions.Section));

        // The pages' texts: IStringLocalizer<XStrings> reads the XStrings.resx beside each feature's components.
        services.AddLocalization();

        // The copy buttons' clipboard, with its script module, one per circuit.
        services.TryAddScoped<IClipboard, BrowserClipboard>();

        // What a paused circuit keeps of the form (non-secret values only), restored when the circuit resumes.
        // The framework persists the [PersistentState] properties of the instance registered for IPausedForm.
        services.TryAddScoped<IPausedForm, PausedForm>();
        RegisterPersistentComponentStateServiceCollectionExtensions.AddPersistentServiceRegistration<IPausedForm>(services, RenderMode.InteractiveServer);
        return services;
    }
}
