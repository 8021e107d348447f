using System.Net;
using System.Reflection;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Staff;
using ConnectUi.Staff.Audit;
using ConnectUi.Tests.HostApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;

namespace ConnectUi.Tests.Staff;

/// <summary>Staff pages grant exactly what they name: every /support route, found from the app's own routing, refuses anyone else.</summary>
public sealed class StaffAccessTests : IAsyncLifetime
{
    private readonly HostApiTestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every route under /support the app serves (pages and endpoints), from its endpoint data source.</summary>
    private IReadOnlyList<(string Method, string Path)> StaffRoutes()
    {
        _ = _app.Services;
        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => StaffArea.Contains(new PathString("/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: Concrete(e.RoutePattern.RawText!))))
            .Distinct()
            .ToArray();
        Assert.True(routes.Length >= 5, $"Only {routes.Length} staff routes were found: the enumeration is broken.");
        return routes;
    }

    private static string Concrete(string template)
    {
        var path = "/" + template.TrimStart('/');
        return System.Text.RegularExpressions.Regex.Replace(path, "{([^}:]+)(:[^}]+)?}", match =>
            match.Groups[2].Value.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "someone");
    }

    private static async Task AssertRefusedAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
        }

        using var response = await client.SendAsync(request);
        if (StaffArea.IsApi(new PathString(path)))
        {
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}, not 401.");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path} answered {(int)response.StatusCode}, not a redirect to sign in.");
            Assert.Equal(StaffArea.LoginPath, response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Every_staff_route_refuses_an_anonymous_visitor()
    {
        using var client = _app.CreateBrowserClient();
        foreach (var (method, path) in StaffRoutes().Where(r => !StaffArea.IsPublic(new PathString(r.Path))))
        {
            await AssertRefusedAsync(client, method, path);
        }
    }

    [Fact]
    public async Task Host_api_keys_and_connect_session_links_grant_nothing_under_support()
    {
        using var host = _app.CreateBrowserClient();
        host.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HostApiTestApp.ApiKey);
        using var created = await host.PostAsync("/api/connect/sessions",
            new StringContent("""{"endUserId":"user-1"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        foreach (var (method, path) in StaffRoutes().Where(r => !StaffArea.IsPublic(new PathString(r.Path))))
        {
            await AssertRefusedAsync(host, method, path);
            await AssertRefusedAsync(host, method, $"{path}?session={token}");
        }
    }

    [Theory]
    [InlineData("/support/no-such-page")]
    [InlineData("/SUPPORT/visits")]
    [InlineData("/support/api/no-such-endpoint")]
    public async Task Paths_under_support_that_nothing_serves_are_refused_too(string path)
    {
        using var client = _app.CreateBrowserClient();
        await AssertRefusedAsync(client, "GET", path);
    }

    [Fact]
    public void Every_routed_staff_page_demands_a_staff_policy_except_sign_in()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Type: t, r.Template)))
            .Where(p => StaffArea.Contains(new PathString(p.Template)))
            .ToArray();

        Assert.NotEmpty(pages);
        var routed = StaffRoutes().Select(r => r.Path).ToHashSet();
        foreach (var (type, template) in pages)
        {
            if (StaffArea.IsPublic(new PathString(template)))
            {
                Assert.NotNull(type.GetCustomAttribute<AllowAnonymousAttribute>());
                continue;
            }

            var policy = type.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
            Assert.True(policy is StaffPolicies.Staff or StaffPolicies.Admin, $"{type.Name} ({template}) has no staff policy.");
            Assert.Contains(routed, path => path.Split('/').Length == template.Split('/').Length
                && path.StartsWith(template.Split('{')[0].TrimEnd('/'), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Staff_pages_are_never_framed_whatever_embedding_allows()
    {
        using var client = _app.CreateBrowserClient();
        using var login = await client.GetAsync(StaffArea.LoginPath);
        Assert.Contains("frame-ancestors 'none'", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());

        using var refused = await client.GetAsync("/support");
        Assert.Contains("frame-ancestors 'none'", refused.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The customer pages keep the embedding configuration.
        using var catalog = await client.GetAsync("/");
        Assert.Contains(HostApiTestApp.AllowedOrigin, catalog.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_asks_for_email_and_password()
    {
        using var client = _app.CreateBrowserClient();
        var html = await client.GetStringAsync(StaffArea.LoginPath);
        Assert.Matches("<label for=\"staff-email\"[^>]*>Email", html);
        Assert.Matches("<label for=\"staff-password\"[^>]*>Password", html);
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_lax_secure_cookie_and_opens_the_console()
    {
        await _app.AddStaffAsync(StaffTestApp.SupportEmail, StaffRoles.Support);
        using var client = _app.CreateBrowserClient();

        using var response = await client.SignInAsync(StaffTestApp.SupportEmail, StaffTestApp.Password, returnUrl: "/support/audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/support/audit", response.Headers.Location!.OriginalString.Replace("https://localhost", string.Empty, StringComparison.Ordinal));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffServiceCollectionExtensions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        using var console = await client.GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Customer visits", await console.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var json = await client.GetAsync("/support/api/visits");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("[]", await json.Content.ReadAsStringAsync());

        var entries = await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditAction.SignedIn && e.Actor == StaffTestApp.SupportEmail);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_read_the_same()
    {
        await _app.AddStaffAsync(StaffTestApp.SupportEmail, StaffRoles.Support);
        using var client = _app.CreateBrowserClient();

        using var wrong = await client.SignInAsync(StaffTestApp.SupportEmail, "not the password at all");
        using var unknown = await client.SignInAsync("nobody@example.com", "not the password at all");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongText = await wrong.Content.ReadAsStringAsync();
        Assert.Contains(SupportConsoleStrings.SignInFailed, wrongText, StringComparison.Ordinal);
        Assert.Contains(SupportConsoleStrings.SignInFailed, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("not the password at all", wrongText, StringComparison.Ordinal);
        Assert.False(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(StaffServiceCollectionExtensions.CookieName + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await _app.AddStaffAsync(StaffTestApp.SupportEmail, StaffRoles.Support);
        using var client = _app.CreateBrowserClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var refused = await client.SignInAsync(StaffTestApp.SupportEmail, $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using var locked = await client.SignInAsync(StaffTestApp.SupportEmail, StaffTestApp.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains(SupportConsoleStrings.LockedOut, await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var console = await client.GetAsync("/support");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);

        var entries = await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Actor == StaffTestApp.SupportEmail).ToListAsync());
        Assert.Equal(4, entries.Count(e => e.Action == AuditAction.SignInFailed));
        Assert.Equal(2, entries.Count(e => e.Action == AuditAction.LockedOut));
    }

    [Fact]
    public async Task A_support_member_is_refused_the_audit_log_and_an_admin_reads_it()
    {
        await _app.AddStaffAsync(StaffTestApp.SupportEmail, StaffRoles.Support);
        await _app.AddStaffAsync(StaffTestApp.AdminEmail, StaffRoles.Admin);

        using var support = await _app.SignedInClientAsync(StaffTestApp.SupportEmail);
        using var refused = await support.GetAsync("/support/audit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(StaffArea.AccessDeniedPath, refused.Headers.Location!.AbsolutePath);
        using var denied = await support.GetAsync(refused.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var deniedHtml = await denied.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"audit-table\"", deniedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-audit", deniedHtml, StringComparison.Ordinal);

        using var admin = await _app.SignedInClientAsync(StaffTestApp.AdminEmail);
        using var audit = await admin.GetAsync("/support/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var html = await audit.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"audit-table\"", html, StringComparison.Ordinal);
        Assert.Contains(StaffTestApp.SupportEmail, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_admin_page_refuses_a_support_member_and_opens_for_an_admin()
    {
        _ = _app.Services;
        var adminPages = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == StaffPolicies.Admin))
            .Select(e => Concrete(e.RoutePattern.RawText!))
            .Distinct()
            .ToArray();
        Assert.Contains("/support/keys", adminPages);
        Assert.Contains("/support/audit", adminPages);
        await _app.AddStaffAsync(StaffTestApp.SupportEmail, StaffRoles.Support);
        await _app.AddStaffAsync(StaffTestApp.AdminEmail, StaffRoles.Admin);
        using var support = await _app.SignedInClientAsync(StaffTestApp.SupportEmail);
        using var admin = await _app.SignedInClientAsync(StaffTestApp.AdminEmail);

        foreach (var path in adminPages)
        {
            using var refused = await support.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.AbsolutePath == StaffArea.AccessDeniedPath,
                $"{path} answered a support member {(int)refused.StatusCode} {refused.Headers.Location}.");
            using var opened = await admin.GetAsync(path);
            Assert.True(opened.StatusCode == HttpStatusCode.OK, $"{path} answered an admin {(int)opened.StatusCode}.");
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_console_session()
    {
        await _app.AddStaffAsync(StaffTestApp.SupportEmail, StaffRoles.Support);
        using var client = await _app.SignedInClientAsync(StaffTestApp.SupportEmail);
        var console = await client.GetStringAsync("/support");
        var token = System.Text.RegularExpressions.Regex.Match(console, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var signOut = await client.PostAsync(StaffArea.LogoutPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var after = await client.GetAsync("/support");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(StaffArea.LoginPath, after.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/support/visits/1", "/support/visits/1")]
    [InlineData("https://evil.example/support", "/support")]
    [InlineData("//evil.example/support", "/support")]
    [InlineData("/support\\..\\evil", "/support")]
    [InlineData("/catalog", "/support")]
    [InlineData(null, "/support")]
    [InlineData("/support/login", "/support")]
    public void The_return_address_after_sign_in_stays_in_the_console(string? returnUrl, string expected) =>
        Assert.Equal(expected, StaffArea.SafeReturnUrl(returnUrl));
}
