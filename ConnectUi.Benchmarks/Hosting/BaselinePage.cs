using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ConnectUi.Benchmarks.Hosting;

/// <summary>
/// The page-weight baseline: an empty Blazor Web App page that loads MudBlazor's CSS and JS and
/// blazor.web.js from the app's own static assets (same files, same compression), and nothing else.
/// Only the benchmark host adds it; the app itself never serves it.
/// </summary>
internal sealed class BaselinePage : IStartupFilter
{
    public const string Path = "/__benchmark/baseline";

    private const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <base href="/" />
            <title>Baseline</title>
            <link rel="stylesheet" href="_content/MudBlazor/MudBlazor.min.css" />
        </head>
        <body>
            <script src="_framework/blazor.web.js"></script>
            <script src="_content/MudBlazor/MudBlazor.min.js"></script>
        </body>
        </html>
        """;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, baseline => baseline.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(Html);
        }));
        next(app);
    };
}
