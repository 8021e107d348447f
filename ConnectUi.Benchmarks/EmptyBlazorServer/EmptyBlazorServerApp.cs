using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectUi.Benchmarks.EmptyBlazorServer;

/// <summary>
/// The throughput baseline: an empty Blazor Server page as the .NET template makes it (a static document around one
/// interactive server component, prerendered, with antiforgery), in its own process like the published app. It is not
/// ConnectUi: no MudBlazor, no layout, no security headers; what ConnectUi costs on top is the page's own work.
/// </summary>
public static class EmptyBlazorServerApp
{
    public const string Command = "empty-blazor-server";

    public static Process Start(out string baseUrl)
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            baseUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        }

        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(EmptyBlazorServerApp).Assembly.Location);
        }

        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(baseUrl);
        return Process.Start(start) ?? throw new InvalidOperationException("The empty Blazor Server app did not start.");
    }

    /// <summary>Waits for the child process to say it listens.</summary>
    public static async Task WaitUntilListeningAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "listening")
            {
                return;
            }
        }

        throw new InvalidOperationException("The empty Blazor Server app stopped before listening.");
    }

    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args[0]);
        await app.StartAsync();
        // Its stdout says only "listening": the benchmark waits for that line.
        Console.WriteLine("listening");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The same app in the benchmark's own process, on a free loopback port, so its circuits' heap can be read.</summary>
    public static async Task<WebApplication> StartInProcessAsync()
    {
        var app = Build("http://127.0.0.1:0");
        await app.StartAsync();
        return app;
    }

    private static WebApplication Build(string url)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapRazorComponents<Document>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The document: static HTML around interactive head and routes, as App.razor in the template with global interactivity.</summary>
    public sealed class Document : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.AddMarkupContent(0, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><base href=\"/\" />");
            builder.OpenComponent<HeadOutlet>(1);
            builder.AddComponentRenderMode(RenderMode.InteractiveServer);
            builder.CloseComponent();
            builder.AddMarkupContent(2, "</head><body>");
            builder.OpenComponent<Routes>(3);
            builder.AddComponentRenderMode(RenderMode.InteractiveServer);
            builder.CloseComponent();
            builder.AddMarkupContent(4, "<script src=\"_framework/blazor.web.js\"></script></body></html>");
        }
    }

    /// <summary>The template's Routes.razor: a router over this assembly's pages.</summary>
    public sealed class Routes : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Router>(0);
            builder.AddAttribute(1, nameof(Router.AppAssembly), typeof(Routes).Assembly);
            builder.AddAttribute(2, nameof(Router.Found), (RenderFragment<RouteData>)(routeData => b =>
            {
                b.OpenComponent<RouteView>(0);
                b.AddAttribute(1, nameof(RouteView.RouteData), routeData);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }

    /// <summary>The empty page: a title and a heading.</summary>
    [Route("/")]
    public sealed class EmptyPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<PageTitle>(0);
            builder.AddAttribute(1, nameof(PageTitle.ChildContent), (RenderFragment)(b => b.AddContent(0, "Empty")));
            builder.CloseComponent();
            builder.AddMarkupContent(2, "<h1>Empty</h1>");
        }
    }
}
