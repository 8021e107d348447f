using ConnectUi.BackgroundWork;
using ConnectUi.Cli;
using ConnectUi.Components;
using ConnectUi.Components.Layout;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Embedding;
using ConnectUi.Features.Connect;
using ConnectUi.Health;
using ConnectUi.HostApi;
using ConnectUi.Performance;
using ConnectUi.Providers;
using ConnectUi.Redis;
using ConnectUi.Sandbox;
using ConnectUi.Security.Abuse;
using ConnectUi.Security.Headers;
using ConnectUi.Security.RequestLimits;
using ConnectUi.Sessions;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRequestLimits(builder.Configuration);
builder.Services.AddMudServices();
builder.Services.AddProviders(builder.Configuration);
builder.Services.AddConnectFlow(builder.Configuration);
builder.Services.AddConnections(builder.Configuration);
builder.Services.AddBackgroundWork();
builder.Services.AddRedis(builder.Configuration);
builder.Services.AddAbuseLimits(builder.Configuration);
builder.Services.AddSandbox(builder.Configuration, builder.Environment);
builder.Services.AddSessions(builder.Configuration, builder.Environment);
builder.Services.AddHostApi(builder.Configuration);
builder.Services.AddEmbedding(builder.Configuration);
builder.Services.AddConnectUiResponseCompression();
builder.Services.AddHealth();

var app = builder.Build();
if (OperatorCommands.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

await app.MigrateConnectUiDatabaseOnStartAsync();

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
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapSandbox();
app.MapHostApi();
app.MapEmbedding();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = app.FrameAncestors());

app.Run();
return 0;

/// <summary>Entry point, public so tests can host the app.</summary>
public partial class Program;
