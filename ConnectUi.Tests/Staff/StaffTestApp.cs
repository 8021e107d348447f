using System.Net;
using System.Text.RegularExpressions;
using ConnectUi.Staff;
using ConnectUi.Tests.HostApi;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Staff;

/// <summary>Signing in to the console over the test server, as a browser would: fetch the form, post it, keep the cookie.</summary>
public static partial class StaffTestApp
{
    public const string AdminEmail = "ann@example.com";
    public const string SupportEmail = "sam@example.com";
    public const string Password = "correct horse battery staple";

    public static async Task AddStaffAsync(this HostApiTestApp app, string email, string role, string password = Password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, role, password, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
    }

    /// <summary>A client on https (staff cookies are Secure outside Development) that keeps cookies and does not follow redirects.</summary>
    public static HttpClient CreateBrowserClient(this HostApiTestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form; returns the response (302 to the console when it worked, the page again when not).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync(StaffArea.LoginPath + (returnUrl is null ? string.Empty : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The sign-in form has no antiforgery token.");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "staff-login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(StaffArea.LoginPath + (returnUrl is null ? string.Empty : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"), form);
    }

    public static async Task<HttpClient> SignedInClientAsync(this HostApiTestApp app, string email, string password = Password)
    {
        var client = app.CreateBrowserClient();
        using var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
