using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectUi.Tests.Hardening;

/// <summary>Ways a provider's server or the network between us can misbehave.</summary>
public enum Fault
{
    ConnectionRefused,
    ResetMidBody,
    NeverAnswers,

    /// <summary>Headers at once, then a byte now and then, forever: only an overall deadline ends it.</summary>
    EndlessTrickle,
    Status500,
    Status502,
    Status503,
    TooManyRequests,
    InvalidTls,
    Garbage,
    TruncatedJson,

    /// <summary>Valid JSON nested far deeper than any parser's default limit, still under the body size cap.</summary>
    DeeplyNestedJson,
    HtmlLoginPage,
    EmptyBody,
    HugeStreamedBody,
    HugeDeclaredBody,
}

/// <summary>
/// A provider on loopback that answers with one <see cref="Fault"/>: Kestrel for HTTP-level faults (HTTPS with a
/// self-signed certificate for <see cref="Fault.InvalidTls"/>), a raw socket for a reset, a closed port for a refusal.
/// Paths for which <c>healthy</c> returns JSON get that answer instead, to reach a later call of a verifier.
/// </summary>
public sealed class FaultyProvider : IAsyncDisposable
{
    public const long HugeBodyBytes = 50L * 1024 * 1024;
    private const string TruncatedJson = """{"result":"SUCCESS","message":{"totalResults":3,"resultsPerPage":1,"data":[{"orderId":"A1""";
    private const string HtmlLoginPage = """
        <!DOCTYPE html><html><head><title>Sign in</title></head>
        <body><form method="post" action="/login"><input name="username"><input name="password" type="password"><button>Sign in</button></form></body></html>
        """;

    private readonly Fault _fault;
    private readonly Func<string, string?> _healthy;
    private WebApplication? _app;
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private int _faultedRequests;
    private long _hugeBytesSent;

    private FaultyProvider(Fault fault, Func<string, string?> healthy)
    {
        _fault = fault;
        _healthy = healthy;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Requests that met the fault (a refused connection never becomes one).</summary>
    public int FaultedRequests => Volatile.Read(ref _faultedRequests);

    /// <summary>How much of a huge body the server managed to hand to the network before the client hung up.</summary>
    public long HugeBytesSent => Interlocked.Read(ref _hugeBytesSent);

    public static async Task<FaultyProvider> StartAsync(Fault fault, Func<string, string?>? healthy = null)
    {
        var provider = new FaultyProvider(fault, healthy ?? (_ => null));
        switch (fault)
        {
            case Fault.ConnectionRefused:
                // Bind a port, then close it: nothing listens there any more.
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                provider.BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
                probe.Stop();
                break;
            case Fault.ResetMidBody:
                provider.StartRawServer();
                break;
            default:
                await provider.StartKestrelAsync();
                break;
        }

        return provider;
    }

    private async Task StartKestrelAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = _fault == Fault.InvalidTls ? SelfSignedCertificate() : null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        _app = builder.Build();
        _app.Run(AnswerAsync);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (_healthy(context.Request.Path.Value ?? string.Empty) is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
            return;
        }

        Interlocked.Increment(ref _faultedRequests);
        var response = context.Response;
        switch (_fault)
        {
            case Fault.NeverAnswers:
                try
                {
                    // Holds the request until the client gives up and the connection closes.
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                break;
            case Fault.EndlessTrickle:
                response.ContentType = "application/json";
                try
                {
                    while (true)
                    {
                        await response.WriteAsync(" ", context.RequestAborted);
                        await response.Body.FlushAsync(context.RequestAborted);
                        await Task.Delay(TimeSpan.FromMilliseconds(50), context.RequestAborted);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    // The client gave up.
                }

                break;
            case Fault.Status500 or Fault.Status502 or Fault.Status503:
                response.StatusCode = _fault switch { Fault.Status500 => 500, Fault.Status502 => 502, _ => 503 };
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body><h1>Service Unavailable</h1></body></html>");
                break;
            case Fault.TooManyRequests:
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "120";
                response.ContentType = "application/json";
                await response.WriteAsync("""{"code":"TooManyRequests","message":"Rate limit exceeded, retry in 120 seconds"}""");
                break;
            case Fault.Garbage:
                response.ContentType = "application/json";
                var garbage = new byte[4096];
                new Random(42).NextBytes(garbage);
                await response.Body.WriteAsync(garbage);
                break;
            case Fault.TruncatedJson:
                response.ContentType = "application/json";
                await response.WriteAsync(TruncatedJson);
                break;
            case Fault.DeeplyNestedJson:
                response.ContentType = "application/json";
                await response.WriteAsync(new string('[', 50_000) + new string(']', 50_000));
                break;
            case Fault.HtmlLoginPage:
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(HtmlLoginPage);
                break;
            case Fault.EmptyBody:
                response.ContentType = "application/json";
                break;
            case Fault.HugeStreamedBody or Fault.HugeDeclaredBody:
                await WriteHugeBodyAsync(context);
                break;
            case Fault.InvalidTls:
                // The handshake fails before any request arrives; an answer here would mean the certificate was trusted.
                await response.WriteAsync("""{"result":"SUCCESS","message":{}}""");
                break;
            default:
                throw new InvalidOperationException($"{_fault} is not an HTTP-level fault.");
        }
    }

    private async Task WriteHugeBodyAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        if (_fault == Fault.HugeDeclaredBody)
        {
            context.Response.ContentLength = HugeBodyBytes;
        }

        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("[\"AAAAAAAAAAAAAAAA\"],", 64 * 1024 / 21)));
        try
        {
            await context.Response.WriteAsync("""{"result":"SUCCESS","message":{"data":[""", context.RequestAborted);
            while (HugeBytesSent + chunk.Length <= HugeBodyBytes)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                Interlocked.Add(ref _hugeBytesSent, chunk.Length);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client hung up: what this fault is about.
        }
    }

    /// <summary>Writes the status line, headers and part of the body, then resets the connection (linger 0 sends RST).</summary>
    private void StartRawServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _acceptLoop = Task.Run(async () =>
        {
            while (true)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => ResetAfterPartialAnswerAsync(socket));
            }
        });
    }

    private async Task ResetAfterPartialAnswerAsync(Socket socket)
    {
        try
        {
            var path = await ReadRequestPathAsync(socket);
            if (_healthy(path) is { } json)
            {
                var body = Encoding.UTF8.GetBytes(json);
                await socket.SendAsync(Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
                await socket.SendAsync(body);
                socket.Shutdown(SocketShutdown.Both);
                return;
            }

            Interlocked.Increment(ref _faultedRequests);
            await socket.SendAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n" + TruncatedJson));
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // The client may already be gone.
        }
        finally
        {
            socket.Close();
        }
    }

    private static async Task<string> ReadRequestPathAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count < 64 * 1024)
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
            if (Encoding.ASCII.GetString([.. received]).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        var requestLine = Encoding.ASCII.GetString([.. received]).Split("\r\n", 2)[0].Split(' ');
        return requestLine.Length > 1 ? requestLine[1] : string.Empty;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=faulty-provider.test", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        // Kestrel needs the private key in a loadable form, which an ephemeral key is not on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_listener is not null)
        {
            _listener.Stop();
            await _acceptLoop!;
            _listener.Dispose();
        }
    }
}
