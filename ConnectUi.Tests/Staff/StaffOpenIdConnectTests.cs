using ConnectUi.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Staff;

/// <summary>Single sign-on is configuration only: off by default, complete or refused at start, roles only from the mapping.</summary>
public sealed class StaffOpenIdConnectTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["ConnectUi:Support:OpenIdConnect:Authority"] = "https://login.example.com/tenant",
        ["ConnectUi:Support:OpenIdConnect:ClientId"] = "connectui-console",
        ["ConnectUi:Support:OpenIdConnect:ClientSecret"] = "s3cret",
        ["ConnectUi:Support:OpenIdConnect:RoleClaim"] = "groups",
        ["ConnectUi:Support:OpenIdConnect:RoleMapping:cu-support"] = "support",
        ["ConnectUi:Support:OpenIdConnect:RoleMapping:cu-admins"] = "admin",
    };

    private static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new HostingEnvironment { EnvironmentName = Environments.Production, ApplicationName = "ConnectUi" };
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddStaff(configuration, environment);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Without_an_authority_there_is_no_single_sign_on_scheme()
    {
        using var services = Build(new Dictionary<string, string?>());

        var schemes = await services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        Assert.DoesNotContain(schemes, s => s.Name == StaffOpenIdConnect.Scheme);
        Assert.False(services.GetRequiredService<IOptions<SupportOptions>>().Value.OpenIdConnect.Enabled);
    }

    [Fact]
    public async Task A_complete_configuration_adds_a_code_flow_scheme_with_the_console_callback()
    {
        using var services = Build(Complete);

        Assert.NotNull(await services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(StaffOpenIdConnect.Scheme));
        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(StaffOpenIdConnect.Scheme);
        Assert.Equal("https://login.example.com/tenant", options.Authority);
        Assert.Equal("connectui-console", options.ClientId);
        Assert.Equal("code", options.ResponseType);
        Assert.True(options.UsePkce);
        Assert.True(options.RequireHttpsMetadata);
        Assert.False(options.SaveTokens);
        Assert.Equal(StaffArea.OpenIdConnectCallbackPath, options.CallbackPath.Value);
        Assert.Equal(["openid", "profile", "email"], options.Scope);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, options.CorrelationCookie.SecurePolicy);
    }

    [Theory]
    [InlineData("ConnectUi:Support:OpenIdConnect:ClientId", null, "ClientId is required")]
    [InlineData("ConnectUi:Support:OpenIdConnect:ClientSecret", null, "ClientSecret is required")]
    [InlineData("ConnectUi:Support:OpenIdConnect:Authority", "http://login.example.com", "absolute https URL")]
    [InlineData("ConnectUi:Support:OpenIdConnect:RoleMapping:cu-admins", "root", "roles are support and admin")]
    public void An_incomplete_configuration_stops_the_app_saying_what_is_missing(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(Complete) { [key] = value };
        using var services = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SupportOptions>>().Value);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_map_to_the_highest_mapped_role_and_unmapped_claims_grant_nothing()
    {
        var options = new StaffOpenIdConnectOptions { RoleMapping = { ["cu-support"] = "support", ["cu-admins"] = "admin" } };

        Assert.Equal(StaffRoles.Admin, options.RoleFor(["cu-support", "cu-admins"]));
        Assert.Equal(StaffRoles.Support, options.RoleFor(["everyone", "cu-support"]));
        Assert.Null(options.RoleFor(["everyone", "CU-ADMINS"]));
        Assert.Null(options.RoleFor([]));
    }
}
