using ConnectUi.BackgroundWork;
using ConnectUi.Cli;
using ConnectUi.Components;
using ConnectUi.Components.Layout;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Embedding;
using ConnectUi.Features.Connect;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Health;
using ConnectUi.HostApi;
using ConnectUi.Journeys;
using ConnectUi.Performance;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using ConnectUi.Security.Abuse;
using ConnectUi.Security.Headers;
using ConnectUi.Security.RequestLimits;
using ConnectUi.Sessions;
using ConnectUi.Staff;
using MudBlazor.Services;

var builder = CommandLine.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRequestLimits(builder.Configuration);
builder.Services.AddMudServices();
builder.Services.AddProviders(builder.Configuration);
builder.Services.AddConnectFlow(builder.Configuration);
builder.Services.AddConnections(builder.Configuration);
builder.Services.AddBackgroundWork();
builder.Services.AddAbuseLimits(builder.Configuration);
builder.Services.AddSandbox(builder.Configuration, builder.Environment);
builder.Services.AddSessions(builder.Configuration, builder.Environment);
builder.Services.AddHostApi(builder.Configuration);
builder.Services.AddEmbedding(builder.Configuration);
builder.Services.AddStaff(builder.Configuration, builder.Environment);
builder.Services.AddJourneys();
builder.Services.AddSupportConsole();
builder.Services.AddConnectUiResponseCompression();
builder.Services.AddHealth();

var app = builder.Build();
if (CommandLine.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

await app.MigrateConnectUiDatabaseAsync();
await app.SeedDevelopmentStaffAsync();

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseConnectUiResponseCompression();
app.UseRequestLimits();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseColorSchemeHint();
app.UseStaffArea();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapSandbox();
app.MapHostApi();
app.MapEmbedding();
app.MapStaff();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = app.FrameAncestors());

await app.RunAsync();
return 0;

/// <summary>Entry point, public so tests can host the app.</summary>
public partial class Program;
