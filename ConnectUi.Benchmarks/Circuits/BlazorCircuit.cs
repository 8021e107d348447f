using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Benchmarks.Circuits;

/// <summary>
/// One interactive circuit opened the way blazor.web.js opens it, without a browser: GET the prerendered
/// page, read its server component markers, connect to /_blazor over WebSockets, StartCircuit, add the
/// root components, acknowledge every render batch and answer JS interop calls (no DOM behind them).
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private long _renderBatches;
    private long _renderBytes;
    private long _jsObjects;

    private BlazorCircuit(HubConnection connection)
    {
        _connection = connection;
    }

    public long RenderBatches => Interlocked.Read(ref _renderBatches);

    /// <summary>Bytes of render batches received: how much UI the server described to this client.</summary>
    public long RenderBytes => Interlocked.Read(ref _renderBytes);

    public string? Error { get; private set; }

    /// <summary>Ticks of the last message from the server, to tell when all circuits have gone quiet.</summary>
    internal static long LastMessageTicks;

    /// <summary>CONNECTUI_BENCH_TRACE=1 prints every JS interop call the server makes, to see what a circuit asks of its browser.</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("CONNECTUI_BENCH_TRACE") == "1";

    /// <summary>Whether a prerendered page holds an interactive server component, so a browser opens a circuit for it.</summary>
    public static bool HasServerComponents(string html) =>
        MarkerPattern().Matches(html).Any(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject().ContainsKey("descriptor"));

    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, Uri baseUri, string path, CancellationToken cancellationToken)
    {
        var pageUri = new Uri(baseUri, path);
        var html = await http.GetStringAsync(pageUri, cancellationToken);
        var markers = MarkerPattern().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(marker => marker.ContainsKey("descriptor"))
            .ToArray();
        if (markers.Length == 0)
        {
            throw new InvalidOperationException($"{path} has no interactive server component marker.");
        }

        var state = StatePattern().Match(html) is { Success: true } match ? match.Groups[1].Value : string.Empty;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), options => options.Transports = HttpTransportType.WebSockets);
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        var connection = builder.Build();
        var circuit = new BlazorCircuit(connection);
        circuit.Listen();

        await connection.StartAsync(cancellationToken);
        var secret = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", state, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("The server refused to start a circuit.");
        }

        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            }).ToArray()),
        };
        await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancellationToken);
        return circuit;
    }

    private void Listen()
    {
        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], async (args, _) =>
        {
            Touch();
            var batches = Interlocked.Increment(ref _renderBatches);
            Interlocked.Add(ref _renderBytes, ((byte[])args[1]!).Length);
            if (Trace)
            {
                Console.Error.WriteLine($"render batch {args[0]} ({((byte[])args[1]!).Length} bytes), batch #{batches} of this circuit");
            }

            await _connection.SendAsync("OnRenderCompleted", (long)args[0]!, null);
        }, this);

        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async (args, _) =>
        {
            Touch();
            var handle = (long)args[0]!;
            if (Trace)
            {
                Console.Error.WriteLine($"JS call {args[1]} handle {handle} args {args[2]}");
            }

            if (handle != 0)
            {
                // Result type 1 asks for a JS object reference (a module from "import"): a browser answers with the object's id.
                var value = (int)args[3]! == 1
                    ? new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _jsObjects) }
                    : ResultFor((string)args[1]!);
                var result = JsonSerializer.Serialize(new object?[] { handle, true, value });
                await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, result);
            }
        }, this);

        _connection.On("JS.Error", [typeof(string)], (args, _) =>
        {
            Error = (string?)args[0];
            if (Trace)
            {
                Console.Error.WriteLine($"JS.Error {Error}");
            }

            return Task.CompletedTask;
        }, this);

        foreach (var ignored in new[] { "JS.EndUpdateRootComponents", "JS.EndInvokeDotNet", "JS.EndLocationChanging" })
        {
            _connection.On(ignored, [typeof(object)], (_, _) =>
            {
                Touch();
                return Task.CompletedTask;
            }, this);
        }

        _connection.Closed += exception =>
        {
            Error ??= "closed: " + (exception?.Message ?? "by the server");
            return Task.CompletedTask;
        };
    }

    /// <summary>What a browser would answer to the calls the server reads a value from; the rest return nothing.</summary>
    private static object? ResultFor(string identifier) => identifier switch
    {
        "mudThemeProvider.isDarkMode" => false,
        "window.hasOwnProperty" => true,
        "mudpopoverHelper.countProviders" => 1,
        _ => null,
    };

    private static void Touch() => Interlocked.Exchange(ref LastMessageTicks, DateTime.UtcNow.Ticks);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
