using ConnectUi.Components;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Features.Connect;
using ConnectUi.Performance;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProviders(builder.Configuration);
builder.Services.AddConnectFlow(builder.Configuration);
builder.Services.AddConnections(builder.Configuration);
builder.Services.AddSandbox(builder.Configuration, builder.Environment);
builder.Services.AddConnectUiResponseCompression();

var app = builder.Build();
await app.MigrateConnectUiDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseConnectUiResponseCompression();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSandbox();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, public so tests can host the app.</summary>
public partial class Program;
