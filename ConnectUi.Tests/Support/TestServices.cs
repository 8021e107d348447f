using System.Globalization;
using Bunit;
using ConnectUi.Embedding;
using ConnectUi.Features.Connect;
using ConnectUi.Localization;
using ConnectUi.Providers;
using ConnectUi.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace ConnectUi.Tests.Support;

public static class TestServices
{
    /// <summary>The fixed instant every test's <see cref="FakeTimeProvider"/> starts at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Services every component test needs: MudBlazor, the providers, the pages' texts, a fixed clock and culture.</summary>
    public static BunitContext AddConnectUiTestServices(this BunitContext context)
    {
        // The invariant culture reads the neutral .resx, the texts the UI shows; numbers and dates format the same on any machine.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddConnectUiLocalization();
        context.Services.AddMudServices(options =>
        {
            options.PopoverOptions.CheckForPopoverProvider = false;
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        context.Services.AddProviders(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        context.Services.AddOptions<ConnectFlowOptions>();
        context.Services.AddScoped<IPausedForm, PausedForm>();
        context.Services.AddScoped<IClipboard, BrowserClipboard>();
        context.Services.AddScoped<ConnectUi.Circuits.IDocumentTitle, ConnectUi.Circuits.BrowserDocumentTitle>();
        context.Services.AddScoped<ConnectUi.Circuits.IAddressBar, ConnectUi.Circuits.BrowserAddressBar>();
        // A resumed circuit's page reopens its session by id; tests that care register their own first-class fakes after these.
        context.Services.AddSingleton<ConnectUi.Sessions.ISessionService, ConnectUi.Tests.Features.Session.FakeSessionService>();
        context.Services.AddSingleton<ConnectUi.Connections.IConnectionStore, ConnectUi.Tests.Features.Session.FakeConnectionStore>();
        context.Services.AddOptions<SessionOptions>();
        context.Services.AddOptions<HostApplicationOptions>();
        context.Services.AddScoped<ConnectSessionContext>();
        context.Services.AddScoped<IConnectSessionContext>(provider => provider.GetRequiredService<ConnectSessionContext>());
        context.Services.AddSingleton(ConnectUi.Branding.Brand.Default);
        context.Services.AddScoped<ConnectUi.Branding.IShownBrand, SessionShownBrand>();
        context.Services.AddSingleton<ConnectUi.Components.Layout.ThemeStylesheet>();
        context.Services.AddSingleton<ConnectUi.Components.Layout.IThemeStylesheet>(
            provider => provider.GetRequiredService<ConnectUi.Components.Layout.ThemeStylesheet>());
        context.Services.AddEmbedding(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        context.Services.AddSingleton<ConnectUi.Journeys.IJourneyRecorder>(new RecordingJourneyRecorder());
        return context;
    }
}
