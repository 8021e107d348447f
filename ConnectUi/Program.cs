using ConnectUi;
using ConnectUi.Abuse;
using ConnectUi.BackgroundWork;
using ConnectUi.Branding;
using ConnectUi.Circuits;
using ConnectUi.Cli;
using ConnectUi.Components;
using ConnectUi.Components.Layout;
using ConnectUi.Connections;
using ConnectUi.Embedding;
using ConnectUi.Features.Connect;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Health;
using ConnectUi.HostApi;
using ConnectUi.Journeys;
using ConnectUi.Localization;
using ConnectUi.Performance;
using ConnectUi.Providers;
using ConnectUi.Redis;
using ConnectUi.Reverification;
using ConnectUi.Sandbox;
using ConnectUi.Security.Headers;
using ConnectUi.Security.RequestLimits;
using ConnectUi.Security.Transport;
using ConnectUi.Sessions;
using ConnectUi.Staff;
using ConnectUi.Storage;
using ConnectUi.Webhooks;
using MudBlazor.Services;

var builder = CommandLine.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCircuits(builder.Configuration);
builder.Services.AddTransportSecurity(builder.Configuration, builder.Environment);
builder.Services.AddRequestLimits(builder.Configuration);
builder.Services.AddMudServices();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddConnectUiLocalization();
builder.Services.AddThemeStylesheet();
builder.Services.AddProviders(builder.Configuration);
builder.Services.AddConnectFlow(builder.Configuration);
builder.Services.AddBranding(builder.Configuration);
builder.Services.AddConnections(builder.Configuration);
builder.Services.AddReverification();
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddRedis(builder.Configuration);
builder.Services.AddAbuseLimits(builder.Configuration);
builder.Services.AddSandbox(builder.Configuration, builder.Environment);
builder.Services.AddSessions(builder.Configuration, builder.Environment);
builder.Services.AddSessionBranding();
builder.Services.AddHostApi(builder.Configuration);
builder.Services.AddEmbedding(builder.Configuration);
builder.Services.AddStaff(builder.Configuration, builder.Environment);
builder.Services.AddJourneys(builder.Configuration);
builder.Services.AddSupportConsole();
builder.Services.AddConnectUiResponseCompression();
builder.Services.AddHealth();

var app = builder.Build();
if (CommandLine.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

await app.MigrateConnectUiDatabaseOnStartAsync();
await app.SeedDevelopmentStaffAsync();

app.UseTransportSecurity();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseConnectUiResponseCompression();
app.UseRequestLimits();
app.UseConnectUiLocalization();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseHostApi();
app.UseStaffArea();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapThemeStylesheet();
app.MapHealth();
app.MapCultureSwitch();
app.MapProviders();
app.MapSandbox();
app.MapHostApi();
app.MapEmbedding();
app.MapStaff();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = app.FrameAncestors());

await app.RunAsync();
return 0;

/// <summary>Entry point, public so tests can host the app.</summary>
public partial class Program;
