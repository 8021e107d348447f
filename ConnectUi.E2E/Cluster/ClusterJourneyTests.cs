using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ConnectUi.E2E.Support;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Redis;
using Microsoft.Playwright;
using StackExchange.Redis;
using CW = ConnectUi.Providers.ConnectWisePsa.ConnectWisePsaSandbox;
using K = ConnectUi.Providers.Konnektive.KonnektiveSandbox;

namespace ConnectUi.E2E.Cluster;

/// <summary>
/// Journeys that need several instances on PostgreSQL and Redis behind nginx (scripts/cluster.sh). scripts/test.sh runs
/// them with the rest of the suite against the cluster (CONNECTUI_E2E_CLUSTER=1); without a cluster they are left out.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "Cluster")]
public sealed partial class ClusterJourneyTests(ConnectUiAppFixture app, BrowserFixture browser)
{
    private LocalCluster Cluster => app.Cluster
        ?? throw new InvalidOperationException($"These journeys need the cluster: run them with {LocalCluster.ClusterVariable}=1 (scripts/test.sh does).");

    [Fact]
    public async Task A_session_created_through_one_instance_is_completed_on_another_and_its_credentials_are_read_back_through_the_first()
    {
        var endUserId = "cluster-a-b-" + Guid.NewGuid().ToString("N");
        using var instanceA = HostApiClient(Cluster.InstanceUrl(1));
        var connectUrl = new Uri((await CreateSessionAsync(instanceA, endUserId, KonnektiveProvider.Id)).ConnectUrl);

        await using var context = await browser.NewContextAsync(Cluster.InstanceUrl(2));
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync(connectUrl.PathAndQuery);
        await page.GetByLabel("API Login ID", new() { Exact = true }).FillAsync(K.LoginId);
        await page.GetByLabel("API Password", new() { Exact = true }).FillAsync(K.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" })).ToBeVisibleAsync();
        var connectionId = Guid.Parse(await page.GetByTestId("connection-id").InnerTextAsync());

        // Instance A decrypts what B encrypted: the Data Protection key ring is in the shared database.
        var stored = await instanceA.GetFromJsonAsync<StoredCredentials>($"api/connections/{connectionId}/credentials");
        Assert.Equal(K.LoginId, stored!.Credentials["ApiLoginId"]);
        Assert.Equal(K.Password, stored.Credentials["ApiPassword"]);
        Assert.Equal(1L, await Cluster.ScalarAsync($"""SELECT COUNT(*) FROM "Connections" WHERE "EndUserId" = '{endUserId}'"""));
    }

    [Fact]
    public async Task The_same_session_submitted_at_once_on_two_instances_saves_exactly_one_connection()
    {
        var endUserId = "cluster-race-" + Guid.NewGuid().ToString("N");
        using var instanceA = HostApiClient(Cluster.InstanceUrl(1));
        var connectUrl = new Uri((await CreateSessionAsync(instanceA, endUserId, KonnektiveProvider.Id)).ConnectUrl);

        // One person, two tabs: the link opened on instance A and on instance B, both filled in, both submitted together.
        await using var onA = await browser.NewContextAsync(Cluster.InstanceUrl(1));
        await using var onB = await browser.NewContextAsync(Cluster.InstanceUrl(2));
        var pages = new[] { await onA.NewPageAsync(), await onB.NewPageAsync() };
        foreach (var page in pages)
        {
            await page.GotoInteractiveAsync(connectUrl.PathAndQuery);
            await page.GetByLabel("API Login ID", new() { Exact = true }).FillAsync(K.LoginId);
            await page.GetByLabel("API Password", new() { Exact = true }).FillAsync(K.Password);
        }

        await Task.WhenAll(pages.Select(page => page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync()));

        // Each tab ends in one of two ways; exactly one is connected, the other says the link was already used.
        var connected = 0;
        var used = 0;
        foreach (var page in pages)
        {
            var success = page.GetByRole(AriaRole.Heading, new() { Name = "Konnektive CRM is connected" });
            var refused = page.GetByTestId("session-used");
            await Assertions.Expect(success.Or(refused)).ToBeVisibleAsync(new() { Timeout = 30_000 });
            if (await success.IsVisibleAsync())
            {
                connected++;
            }
            else
            {
                used++;
            }
        }

        Assert.Equal((1, 1), (connected, used));
        Assert.Equal(1L, await Cluster.ScalarAsync($"""SELECT COUNT(*) FROM "Connections" WHERE "EndUserId" = '{endUserId}'"""));
        Assert.Equal(1L, await Cluster.ScalarAsync(
            $"""SELECT COUNT(*) FROM "ConnectSessions" WHERE "EndUserId" = '{endUserId}' AND "ConsumedAt" IS NOT NULL AND "ConnectionId" IS NOT NULL"""));
    }

    [Fact]
    public async Task When_the_instance_serving_a_person_dies_they_move_to_another_keep_what_they_typed_but_secrets_and_nothing_is_half_saved()
    {
        var endUserId = "cluster-kill-" + Guid.NewGuid().ToString("N");
        using var api = HostApiClient(Cluster.InstanceUrl(1));
        var connectUrl = new Uri((await CreateSessionAsync(api, endUserId, ConnectWisePsaProvider.Id)).ConnectUrl);

        await using var context = await browser.NewContextAsync(Cluster.ProxyUrl);
        await RecordReconnectStatesAsync(context);
        var page = await context.NewPageAsync();
        var response = await page.GotoInteractiveAsync(connectUrl.PathAndQuery);
        var serving = Cluster.InstanceAt(await response!.HeaderValueAsync("x-connectui-upstream") ?? string.Empty);
        var fields = new Dictionary<string, string>
        {
            ["Hostname"] = CW.Hostname, ["ApiVersion"] = CW.ApiVersion, ["ClientId"] = CW.ClientId, ["Username"] = CW.Username, ["Password"] = CW.Password,
        };
        foreach (var (name, value) in fields)
        {
            await page.Locator($"#field-{name}").FillAsync(value);
        }

        // The tab has kept the non-secret fields (hostname, API version) as they were typed.
        await page.WaitForFunctionAsync(
            "host => Object.keys(sessionStorage).some(k => k.startsWith('connectui:draft:connectwise-psa:') && sessionStorage.getItem(k).includes(host))",
            CW.Hostname);

        Cluster.KillInstance(serving);
        try
        {
            // The proxy sends the tab to the other instance; the session opens again there and the form comes back.
            await Assertions.Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("#field-Hostname")).ToHaveValueAsync(CW.Hostname);
            await Assertions.Expect(page.Locator("#field-ApiVersion")).ToHaveValueAsync(CW.ApiVersion);
            foreach (var secret in new[] { "ClientId", "Username", "Password" })
            {
                await Assertions.Expect(page.Locator($"#field-{secret}")).ToHaveValueAsync(string.Empty);
            }

            Assert.Contains("show", await ReconnectStatesAsync(page), StringComparison.Ordinal);
            Assert.Equal(0L, await Cluster.ScalarAsync($"""SELECT COUNT(*) FROM "Connections" WHERE "EndUserId" = '{endUserId}'"""));

            foreach (var secret in new[] { "ClientId", "Username", "Password" })
            {
                await page.Locator($"#field-{secret}").FillAsync(fields[secret]);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ConnectWise PSA is connected" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Equal(1L, await Cluster.ScalarAsync($"""SELECT COUNT(*) FROM "Connections" WHERE "EndUserId" = '{endUserId}'"""));
        }
        finally
        {
            await Cluster.StartInstanceAsync(serving);
        }
    }

    [Fact]
    public async Task A_circuit_its_instance_evicted_is_resumed_on_another_from_Redis_with_the_non_secret_fields_and_no_secret_anywhere_in_Redis()
    {
        var endUserId = "cluster-resume-" + Guid.NewGuid().ToString("N");
        using var api = HostApiClient(Cluster.InstanceUrl(1));
        var session = await CreateSessionAsync(api, endUserId, ConnectWisePsaProvider.Id);

        // A hostname of this journey's own, to tell its persisted circuit from any other in Redis.
        var hostname = $"resume-{Guid.NewGuid():N}.example";
        var secrets = new Dictionary<string, string> { ["ClientId"] = CW.ClientId, ["Username"] = CW.Username, ["Password"] = CW.Password };

        await using var context = await browser.NewContextAsync(Cluster.ProxyUrl);
        await RecordReconnectStatesAsync(context);

        // The circuit's WebSocket passes through the test, which cuts it as a lost network would: going offline alone
        // leaves an open WebSocket open in Chromium.
        IWebSocketRoute? toServer = null;
        await context.RouteWebSocketAsync(new Regex("/_blazor"), socket => toServer = socket.ConnectToServer());
        var page = await context.NewPageAsync();
        var response = await page.GotoInteractiveAsync(new Uri(session.ConnectUrl).PathAndQuery);
        var first = Cluster.InstanceAt(await response!.HeaderValueAsync("x-connectui-upstream") ?? string.Empty);
        var second = first == 1 ? 2 : 1;

        await page.Locator("#field-Hostname").FillAsync(hostname);
        await page.Locator("#field-ApiVersion").FillAsync(CW.ApiVersion);
        foreach (var (name, value) in secrets)
        {
            await page.Locator($"#field-{name}").FillAsync(value);
        }

        // A click the server answers after every keystroke before it: the circuit on the first instance has them all.
        await page.GetByTestId("reveal-Password").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reveal-Password")).ToHaveAttributeAsync("aria-label", new Regex("^Hide"));

        await context.SetOfflineAsync(true);
        await toServer!.CloseAsync();

        // The first instance keeps the disconnected circuit for the cluster's 5 seconds, then evicts it into Redis.
        using var redis = await ConnectionMultiplexer.ConnectAsync(Cluster.RedisConnectionString);
        var persisted = await WaitForAsync(async () => (await RedisContentsAsync(redis)).SingleOrDefault(e => e.Key.Contains(RedisCircuitPersistence.KeySegment, StringComparison.Ordinal) && Readable(e.Value).Contains(hostname, StringComparison.Ordinal)).Key);
        var everything = await RedisContentsAsync(redis);
        foreach (var (name, secret) in secrets.Append(KeyValuePair.Create("session token", session.Token)))
        {
            var holding = everything
                .Where(e => Readable(e.Key).Contains(secret, StringComparison.Ordinal) || Readable(e.Value).Contains(secret, StringComparison.Ordinal))
                .Select(e => e.Key[..Math.Min(e.Key.Length, 40)] + "…")
                .ToList();
            Assert.True(holding.Count == 0, $"The {name} is in Redis, plain or base64, under: {string.Join(", ", holding)}");
        }

        // The person comes back through the proxy to the other instance (their affinity cookie now hashes there). The
        // tab's own copy of the form is gone, so only the persisted circuit can bring the fields back.
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "connectui_affinity", Value = await AffinityForAsync(second), Url = Cluster.ProxyUrl }]);
        await page.EvaluateAsync("() => Object.keys(sessionStorage).filter(k => k.startsWith('connectui:draft:')).forEach(k => sessionStorage.removeItem(k))");
        await context.SetOfflineAsync(false);

        // The other instance never had the circuit: reconnecting is refused, and the framework resumes it from Redis.
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToHaveTextAsync(
            "We kept what you typed before the connection to our server was lost. Enter Client ID, Username, Password again: for your safety, it is never kept.",
            new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#field-Hostname")).ToHaveValueAsync(hostname);
        await Assertions.Expect(page.Locator("#field-ApiVersion")).ToHaveValueAsync(CW.ApiVersion);
        foreach (var secret in secrets.Keys)
        {
            await Assertions.Expect(page.Locator($"#field-{secret}")).ToHaveValueAsync(string.Empty);
        }

        var states = await ReconnectStatesAsync(page);
        Assert.Contains("show", states, StringComparison.Ordinal);
        Assert.DoesNotContain("rejected", states, StringComparison.Ordinal);
        Assert.DoesNotContain("resume=true", page.Url, StringComparison.Ordinal);
        Assert.Equal(second, Cluster.InstanceAt(await page.EvaluateAsync<string>("async () => (await fetch('health/live')).headers.get('x-connectui-upstream')")));
        Assert.False(await redis.GetDatabase().KeyExistsAsync(persisted), "the resumed circuit's state is taken out of Redis");
    }

    [Fact]
    public async Task A_keys_requests_to_both_instances_count_against_one_host_API_limit()
    {
        // A key of its own, created in the shared database as the keys command would: it works at once on every
        // instance, and exhausting its limit leaves the other journeys' key alone. It joins the fixture key's tenant, so
        // the support console (which asks for a tenant once there are several) is unchanged for the other journeys.
        var key = "cuk_cluster-limit-" + Guid.NewGuid().ToString("N");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var fixtureTenant = "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ConnectUiAppFixture.HostApiKey)))[..12];
        await Cluster.ScalarAsync($"""
            INSERT INTO "HostApiKeys" ("Id", "Hash", "Name", "TenantId", "Scopes", "CreatedAt", "CreatedBy")
            VALUES ('{hash[..12]}', '{hash}', 'cluster limit journey', '{fixtureTenant}', 'connections:read', now(), 'test')
            """);
        using var onA = HostApiClient(Cluster.InstanceUrl(1), key);
        using var onB = HostApiClient(Cluster.InstanceUrl(2), key);

        // The default limit is 60 a minute per key; 70 requests, alternating between the instances, in a few seconds.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++)
        {
            foreach (var client in new[] { onA, onB })
            {
                using var response = await client.GetAsync("api/connections?endUserId=nobody");
                answers.Add(response.StatusCode);
            }
        }

        // Two limits of their own would let all 70 through. A Redis call that times out on a loaded machine is refused
        // with 503 ("try again shortly"), never let through, so it may stand in for an OK or a 429.
        var summary = string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Count()} x {(int)g.Key}"));
        var ok = answers.Count(a => a == HttpStatusCode.OK);
        var unavailable = answers.Count(a => a == HttpStatusCode.ServiceUnavailable);
        Assert.True(answers.All(a => a is HttpStatusCode.OK or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable), summary);
        Assert.True(ok <= 60 && ok + unavailable >= 60, summary);
        Assert.True(answers.Count(a => a == HttpStatusCode.TooManyRequests) >= 10 - unavailable, summary);
    }

    [Fact]
    public async Task Wrong_keys_from_one_address_split_between_the_instances_count_together()
    {
        // A loopback address of its own (all of 127/8 is this machine), so blocking it leaves the other journeys alone.
        var address = IPAddress.Parse("127.0.0." + Random.Shared.Next(20, 250));
        using var wrongOnA = HostApiClient(Cluster.InstanceUrl(1), "wrong-key-" + Guid.NewGuid().ToString("N"), address);
        using var wrongOnB = HostApiClient(Cluster.InstanceUrl(2), "wrong-key-" + Guid.NewGuid().ToString("N"), address);
        using var rightOnB = HostApiClient(Cluster.InstanceUrl(2), ConnectUiAppFixture.HostApiKey, address);

        // The default allows 10 failed authentications a minute per address: 5 on each instance.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            foreach (var client in new[] { wrongOnA, wrongOnB })
            {
                using var response = await client.GetAsync("api/connections?endUserId=nobody");
                answers.Add(response.StatusCode);
            }
        }

        using var eleventhOnA = await wrongOnA.GetAsync("api/connections?endUserId=nobody");
        using var rightKeyOnB = await rightOnB.GetAsync("api/connections?endUserId=nobody");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventhOnA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyOnB.StatusCode);
        Assert.NotNull(rightKeyOnB.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("a 20 KB address", 414, "Address too long")]
    [InlineData("a 20 KB header", 431, "Headers too large")]
    [InlineData("a 2 MB body", 413, "Request too large")]
    [InlineData("no HTTP at all", 400, "Bad Request")]
    public async Task What_the_proxy_refuses_itself_is_answered_as_problem_json_like_the_apps_own_refusals(string sent, int status, string title)
    {
        var request = sent switch
        {
            "a 20 KB address" => $"GET /api/connections?endUserId={new string('a', 20_000)} HTTP/1.1\r\nHost: x\r\n\r\n",
            "a 20 KB header" => $"GET /api/connections HTTP/1.1\r\nHost: x\r\nX-Padding: {new string('a', 20_000)}\r\n\r\n",
            "a 2 MB body" => "POST /api/connect/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n",
            _ => "NOT HTTP AT ALL\r\n\r\n",
        };
        var proxy = new Uri(Cluster.ProxyUrl);

        using var client = new TcpClient();
        await client.ConnectAsync(proxy.Host, proxy.Port);
        var stream = client.GetStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        var answer = Encoding.Latin1.GetString(received.ToArray());

        // nginx answers these before any instance sees the request (deploy/nginx/connectui-errors.conf).
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, answer);
        Assert.StartsWith($"HTTP/1.1 {status} ", answer);
        Assert.Contains("Content-Type: application/problem+json", answer[..end]);
        using var problem = System.Text.Json.JsonDocument.Parse(answer[(end + 4)..]);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>An affinity cookie value the proxy sends to instance <paramref name="number"/>.</summary>
    private async Task<string> AffinityForAsync(int number)
    {
        using var proxy = new HttpClient { BaseAddress = new Uri(Cluster.ProxyUrl + "/") };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var value = $"journey-{attempt}-{Guid.NewGuid():N}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "health/live");
            request.Headers.Add("Cookie", "connectui_affinity=" + value);
            using var answer = await proxy.SendAsync(request);
            if (answer.Headers.TryGetValues("X-ConnectUi-Upstream", out var upstream) && Cluster.InstanceAt(upstream.Single()) == number)
            {
                return value;
            }
        }

        throw new InvalidOperationException($"No affinity value reached instance {number} in 100 tries.");
    }

    /// <summary>Every key in the cluster's Redis with everything it holds, whatever its type.</summary>
    private static async Task<Dictionary<string, byte[]>> RedisContentsAsync(IConnectionMultiplexer redis)
    {
        var database = redis.GetDatabase();
        var contents = new Dictionary<string, byte[]>();
        await foreach (var key in redis.GetServers().Single().KeysAsync(pattern: "*"))
        {
            RedisValue[] values = await database.KeyTypeAsync(key) switch
            {
                RedisType.String => [await database.StringGetAsync(key)],
                RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }).ToArray(),
                RedisType.List => await database.ListRangeAsync(key),
                RedisType.Set => await database.SetMembersAsync(key),
                RedisType.SortedSet => await database.SortedSetRangeByRankAsync(key),
                _ => [],
            };
            contents[key.ToString()] = values.SelectMany(v => ((byte[]?)v ?? []).Append((byte)'\n')).ToArray();
        }

        return contents;
    }

    private static string Readable(string text) => Readable(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The text in some bytes, followed by what every base64 run in it decodes to (two levels deep: the persisted circuit
    /// is JSON whose state values are base64 of JSON), so that a value is found whether it was stored plain or encoded.
    /// </summary>
    private static string Readable(byte[] bytes, int depth = 2)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (depth == 0)
        {
            return text;
        }

        var decoded = new StringBuilder(text);
        foreach (Match run in Base64Run().Matches(text))
        {
            var padded = run.Value.TrimEnd('=');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var buffer = new byte[padded.Length];
            if (Convert.TryFromBase64String(padded, buffer, out var length))
            {
                decoded.Append('\n').Append(Readable(buffer[..length], depth - 1));
            }
        }

        return decoded.ToString();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Nothing appeared in Redis within 60 seconds.");
            }

            await Task.Delay(250);
        }
    }

    [GeneratedRegex("[A-Za-z0-9+/]{8,}={0,2}")]
    private static partial Regex Base64Run();

    private static HttpClient HostApiClient(string baseUrl, string key = ConnectUiAppFixture.HostApiKey, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler();
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Records the reconnect dialog's states in the tab's storage, which outlives the reload that follows a lost server.</summary>
    private static Task RecordReconnectStatesAsync(IBrowserContext context) => context.AddInitScriptAsync("""
        document.addEventListener("components-reconnect-state-changed", e => {
            const states = JSON.parse(sessionStorage.getItem("test:reconnect-states") ?? "[]");
            sessionStorage.setItem("test:reconnect-states", JSON.stringify([...states, e.detail.state]));
        }, true);
        """);

    /// <summary>The reconnect dialog's states so far, as <see cref="RecordReconnectStatesAsync"/> recorded them.</summary>
    private static Task<string> ReconnectStatesAsync(IPage page) =>
        page.EvaluateAsync<string>("() => sessionStorage.getItem('test:reconnect-states') ?? ''");

    /// <summary>A connect session for one provider, created through the host API of the instance behind <paramref name="api"/>.</summary>
    private static async Task<CreatedSession> CreateSessionAsync(HttpClient api, string endUserId, string providerId)
    {
        using var created = await api.PostAsJsonAsync("api/connect/sessions", new { endUserId, allowedProviders = new[] { providerId } });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<CreatedSession>())!;
    }

    private sealed record CreatedSession(string Token, string ConnectUrl, DateTimeOffset ExpiresAt);

    private sealed record StoredCredentials(Guid Id, string Provider, Dictionary<string, string> Credentials);
}
