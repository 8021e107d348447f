using System.Net;
using System.Text;
using System.Threading.Channels;

namespace ConnectUi.Tests.Support;

/// <summary>A fake provider: answers each request with a function, and records what was sent.</summary>
public sealed class StubHttpHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private readonly Channel<int> _entered = Channel.CreateUnbounded<int>();

    public StubHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> answer)
        : this((request, _) => Task.FromResult(answer(request)))
    {
    }

    public List<RecordedRequest> Requests { get; } = [];

    public int CallCount => Requests.Count;

    /// <summary>Completes when the next request reaches the handler; lets a test advance fake time only once a call waits.</summary>
    public ValueTask<int> WaitForRequestAsync() => _entered.Reader.ReadAsync();

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Html(string html, HttpStatusCode status) =>
        new(status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

    /// <summary>An answer that never comes: waits until the call is cancelled.</summary>
    public static async Task<HttpResponseMessage> NeverAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.MediaType,
            body));
        _entered.Writer.TryWrite(Requests.Count);
        return await answer(request, cancellationToken);
    }
}

/// <summary>One request as the provider would have received it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body)
{
    public override string ToString() => $"{Method} {Uri} {string.Join(" ", Headers.Select(h => $"{h.Key}: {h.Value}"))} {Body}";
}
