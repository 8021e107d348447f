using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ConnectUi.Security.RequestLimits;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Security.RequestLimits;

/// <summary>
/// What Kestrel answers by itself, before any app code runs, over a real socket: a request line past 1 MB, headers past
/// 32 KB, a request that is not HTTP. Each gets problem JSON like every other error; the app's own answers are untouched.
/// </summary>
public sealed class ServerRejectionProblemsTests : IAsyncLifetime
{
    private readonly ConnectUiWebApplicationFactory _app = new();
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _address = _app.CreateClient().BaseAddress!;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_request_line_over_a_megabyte_gets_414_as_problem_json()
    {
        var answer = await SendAsync(_address, $"GET /api/connections?endUserId={new string('a', 2 * 1024 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n");

        var (status, headers, problem) = Parse(answer);
        Assert.Equal(414, status);
        Assert.Contains("Content-Type: application/problem+json", headers);
        Assert.Contains("Connection: close", headers);
        Assert.Equal("Address too long", problem.GetProperty("title").GetString());
        Assert.Equal(414, problem.GetProperty("status").GetInt32());
        Assert.Contains("1 MB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Headers_over_kestrels_limit_get_431_as_problem_json()
    {
        var answer = await SendAsync(_address, $"GET /api/connections HTTP/1.1\r\nHost: x\r\nX-Padding: {new string('a', 64 * 1024)}\r\n\r\n");

        var (status, headers, problem) = Parse(answer);
        Assert.Equal(431, status);
        Assert.Contains("Content-Type: application/problem+json", headers);
        Assert.Equal("Headers too large", problem.GetProperty("title").GetString());
        Assert.Contains("32 KB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_that_is_not_http_gets_400_as_problem_json()
    {
        var (status, _, problem) = Parse(await SendAsync(_address, "NOT HTTP AT ALL\r\n\r\n"));

        Assert.Equal(400, status);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task On_a_kept_alive_connection_the_answer_before_the_refusal_is_untouched_and_comes_first()
    {
        var answer = await SendAsync(_address,
            "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n"
            + $"GET /api/connections HTTP/1.1\r\nHost: x\r\nX-Padding: {new string('a', 64 * 1024)}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer);
        Assert.Contains("Healthy", answer);
        var refusal = answer[answer.IndexOf("HTTP/1.1 431", StringComparison.Ordinal)..];
        Assert.Equal(431, Parse(refusal).Status);
    }

    [Fact]
    public async Task An_empty_error_answer_the_app_writes_itself_is_not_rewritten()
    {
        // A bare app with the same two parts, and an endpoint whose own answer looks like Kestrel's refusal.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Use(ServerRejectionProblems.Wrap)));
        await using var app = builder.Build();
        app.UseServerRejectionProblems();
        app.MapGet("/empty", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "close";
            context.Response.ContentLength = 0;
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var answer = await SendAsync(address, "GET /empty HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer);
        Assert.Contains("Content-Length: 0\r\n", answer);
        Assert.DoesNotContain("problem+json", answer);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 414 URI Too Long\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")]
    [InlineData("\u0017\u0003\u0003\u0000\u0020 encrypted")]
    public void Only_a_bodiless_closing_error_answer_is_taken_for_the_servers_refusal(string held) =>
        Assert.Null(ServerRejectionProblems.Rewrite(Encoding.Latin1.GetBytes(held)));

    private static async Task<string> SendAsync(Uri address, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Kestrel may answer and close before it has read everything: what it wrote is still there to read.
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        }
        catch (IOException)
        {
        }

        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (IOException)
        {
        }

        return Encoding.Latin1.GetString(received.ToArray());
    }

    private static (int Status, string Headers, JsonElement Problem) Parse(string answer)
    {
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"No complete answer: {answer[..Math.Min(answer.Length, 200)]}");
        var headers = answer[..end];
        var status = int.Parse(headers.AsSpan(9, 3));
        var body = answer[(end + 4)..];
        return (status, headers, JsonDocument.Parse(body).RootElement.Clone());
    }
}
