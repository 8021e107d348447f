using ConnectUi.Components;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Features.Connect;
using ConnectUi.Providers;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProviders(builder.Configuration);
builder.Services.AddConnectFlow(builder.Configuration);
builder.Services.AddConnections(builder.Configuration);

var app = builder.Build();
await app.MigrateConnectUiDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, public so tests can host the app.</summary>
public partial class Program;
