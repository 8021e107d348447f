using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace ConnectUi.Tests.Webhooks;

/// <summary>
/// A host's webhook endpoint on real Kestrel (loopback, port 0): verifies each delivery with the published Standard Webhooks
/// library, records it, and answers what the test says. Can be stopped and started again on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>32 fixed bytes, base64, as a host would be given.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7bNJlYh5h3o=";

    private readonly Lock _lock = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Queue<int> _answers = new();
    private WebApplication? _app;

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks");

    /// <summary>The status for requests once the queued answers are used up.</summary>
    public int DefaultAnswer { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>When set, a request for which it is true is answered 500 (and still recorded).</summary>
    public Func<ReceivedWebhook, bool>? FailWhen { get; set; }

    /// <summary>When set, each request waits for it before answering.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public int RedirectTargetHits { get; private set; }

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public void AnswerNext(params int[] statuses)
    {
        lock (_lock)
        {
            foreach (var status in statuses)
            {
                _answers.Enqueue(status);
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync(0);
        return receiver;
    }

    public Task RestartAsync() => StartAsync(Port);

    private async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/hooks", ReceiveAsync);
        app.MapPost("/elsewhere", () =>
        {
            RedirectTargetHits++;
            return Results.NoContent();
        });
        await app.StartAsync();
        Port = new Uri(app.Urls.Single()).Port;
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        string? verificationError = null;
        try
        {
            new StandardWebhook(Secret).Verify(body, request.Headers);
        }
        catch (WebhookVerificationException exception)
        {
            verificationError = exception.Message;
        }

        var received = new ReceivedWebhook(
            request.Headers["webhook-id"].ToString(),
            request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(),
            request.ContentType,
            request.Headers.UserAgent.ToString(),
            body,
            verificationError,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
        int status;
        lock (_lock)
        {
            _received.Add(received);
            status = FailWhen?.Invoke(received) == true ? 500 : _answers.TryDequeue(out var next) ? next : DefaultAnswer;
        }

        if (Hold is { } hold)
        {
            await hold.Task;
        }

        return status is >= 300 and < 400 ? Results.Redirect("/elsewhere", permanent: false, preserveMethod: true) : Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>One delivery as the receiver saw it; <paramref name="VerificationError"/> is null when the library accepted it.</summary>
public sealed record ReceivedWebhook(
    string Id,
    string Timestamp,
    string Signature,
    string? ContentType,
    string UserAgent,
    string Body,
    string? VerificationError,
    IReadOnlyDictionary<string, string> Headers)
{
    public HeaderDictionary HeaderDictionary() => new(Headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value)));
}
