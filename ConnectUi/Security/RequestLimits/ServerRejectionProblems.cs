using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace ConnectUi.Security.RequestLimits;

/// <summary>
/// Gives the answers Kestrel writes by itself, before any app code runs (a request line over 1 MB: 414; headers over
/// 32 KB: 431; a malformed request: 400), the problem JSON every other error of ours has. Kestrel offers no hook for
/// these, so this connection middleware holds what the server writes while none of the connection's requests is in
/// the app; a held answer with an error status, no body and <c>Connection: close</c> is Kestrel's refusal, and goes
/// out with a problem JSON body instead. Everything else is passed on unchanged, in order.
/// </summary>
/// <remarks>
/// It sees plain HTTP/1.1 where it runs outside TLS (the documented set-up: nginx ends TLS, or <c>dotnet run</c>).
/// On an endpoint where Kestrel itself ends TLS it sees encrypted bytes, which never match, and changes nothing.
/// </remarks>
public static class ServerRejectionProblems
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // Kestrel's header limit, which this app leaves at its default.
    private static readonly int HeaderBytes = new KestrelServerLimits().MaxRequestHeadersTotalSize;

    /// <summary>The connection middleware, for <c>ListenOptions.Use</c>.</summary>
    public static ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var requests = new RequestsInApp();
        connection.Features.Set<IRequestsInAppFeature>(requests);
        var transport = connection.Transport;
        connection.Transport = new RewritingTransport(transport.Input, new RejectionRewritingWriter(transport.Output, requests));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    };

    /// <summary>The app's first middleware: counts the connection's requests in the app until their answers are sent.</summary>
    public static IApplicationBuilder UseServerRejectionProblems(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IRequestsInAppFeature>() is { } requests)
        {
            requests.Entered();

            // OnCompleted runs after the server wrote the whole answer, its last bytes included.
            context.Response.OnCompleted(() =>
            {
                requests.Left();
                return Task.CompletedTask;
            });
        }

        return next(context);
    });

    /// <summary>
    /// The problem JSON answer for a held server answer, or null when the held bytes are not a refusal by the server
    /// (an error status line, headers only, <c>Content-Length: 0</c> and <c>Connection: close</c>).
    /// </summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> held)
    {
        // Most held writes are not HTTP/1.1 answers at all (TLS records, HTTP/2 frames): no text for those.
        if (!held.StartsWith("HTTP/1.1 "u8))
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(held);
        if (!text.EndsWith("\r\n\r\n", StringComparison.Ordinal)
            || text.Length < 12 || !int.TryParse(text.AsSpan(9, 3), out var status) || status < 400)
        {
            return null;
        }

        var lines = text[..^4].Split("\r\n");
        var headers = lines.Skip(1).ToList();
        if (headers.IndexOf("Content-Length: 0") < 0
            || !headers.Any(h => h.Equals("Connection: close", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new RefusalProblem(TitleOf(status), status, DetailOf(status)), JsonOptions);
        var answer = new StringBuilder()
            .Append(lines[0]).Append("\r\n")
            .Append("Content-Type: application/problem+json\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n");
        foreach (var header in headers.Where(h => h != "Content-Length: 0"))
        {
            answer.Append(header).Append("\r\n");
        }

        return [.. Encoding.Latin1.GetBytes(answer.Append("\r\n").ToString()), .. body];
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status414UriTooLong => "Address too long",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "Headers too large",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Request refused",
    };

    private static string DetailOf(int status) => status switch
    {
        StatusCodes.Status414UriTooLong => $"The request line is longer than this server reads ({RequestLimitOptions.ServerRequestLineBytes / 1024 / 1024} MB).",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => $"The request has more header bytes than this server reads ({HeaderBytes / 1024} KB).",
        _ => "The server could not read this request.",
    };

    private sealed record RefusalProblem(string Title, int Status, string Detail)
    {
        [JsonPropertyOrder(-1)]
        public string Type => "about:blank";
    }

    /// <summary>How many of a connection's requests are in the app, shared by the connection middleware and the app.</summary>
    internal interface IRequestsInAppFeature
    {
        void Entered();

        void Left();
    }

    private sealed class RequestsInApp : IRequestsInAppFeature
    {
        private int _count;

        public bool Any => Volatile.Read(ref _count) > 0;

        public void Entered() => Interlocked.Increment(ref _count);

        public void Left() => Interlocked.Decrement(ref _count);
    }

    private sealed class RewritingTransport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// Passes writes on, except those begun while no request is in the app: those are held until the flush, then
    /// passed on as they are or, when they are the server's refusal, as its problem JSON answer.
    /// </summary>
    private sealed class RejectionRewritingWriter(PipeWriter inner, RequestsInApp requests) : PipeWriter
    {
        private ArrayBufferWriter<byte>? _held;

        // Kestrel's response writer counts unflushed bytes (System.Text.Json asks it when to flush).
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

        public override Memory<byte> GetMemory(int sizeHint = 0) => Holding() ? _held!.GetMemory(sizeHint) : inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => Holding() ? _held!.GetSpan(sizeHint) : inner.GetSpan(sizeHint);

        public override void Advance(int bytes)
        {
            if (_held is not null)
            {
                _held.Advance(bytes);
            }
            else
            {
                inner.Advance(bytes);
            }
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Release();
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Release();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            Release();
            return inner.CompleteAsync(exception);
        }

        // Once holding, hold until the flush, so held bytes never fall behind later ones.
        private bool Holding()
        {
            if (_held is null && !requests.Any)
            {
                _held = new ArrayBufferWriter<byte>();
            }

            return _held is not null;
        }

        private void Release()
        {
            if (_held is not { WrittenCount: > 0 } held)
            {
                _held = null;
                return;
            }

            if (Rewrite(held.WrittenSpan) is { } answer)
            {
                inner.Write(answer);
            }
            else
            {
                inner.Write(held.WrittenSpan);
            }

            _held = null;
        }
    }
}
