using ConnectUi.Branding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Branding;

public sealed class BrandRulesTests : IDisposable
{
    private const string SvgDataUrl = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnLz4=";
    private readonly string _webRoot = Directory.CreateTempSubdirectory("connectui-webroot-").FullName;

    public BrandRulesTests()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "branding"));
        File.WriteAllText(Path.Combine(_webRoot, "branding", "acme.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#1f5fbf", "#ffffff", 6.09)]
    [InlineData("#777", "#ffffff", 4.48)]
    public void Contrast_follows_WCAG(string first, string second, double expected)
    {
        Assert.True(BrandColor.TryParse(first, out var a));
        Assert.True(BrandColor.TryParse(second, out var b));

        Assert.Equal(expected, a.ContrastWith(b), precision: 2);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#gggggg")]
    [InlineData("rgb(0,0,0)")]
    public void Only_hex_colours_are_read(string text) => Assert.False(BrandColor.TryParse(text, out _));

    [Fact]
    public void Text_on_a_brand_colour_is_white_or_ink_whichever_reads_better()
    {
        BrandColor.TryParse("#1f5fbf", out var blue);
        BrandColor.TryParse("#ffd54f", out var yellow);

        Assert.Equal(BrandColor.White, blue.TextOn);
        Assert.Equal(BrandColor.Ink, yellow.TextOn);
    }

    [Theory]
    [InlineData("#1f5fbf", false, null)]
    [InlineData("#8ab4f8", true, null)]
    [InlineData("#3b82f6", false, "ConnectUi:Branding:PrimaryColor #3b82f6 gives 3.68:1 as link and button text on the light page (#ffffff); at least 4.5:1 is needed.")]
    [InlineData("#777777", false, "ConnectUi:Branding:PrimaryColor #777777 gives 4.48:1 with the text drawn on it (#ffffff); at least 4.5:1 is needed.")]
    [InlineData("#1f5fbf", true, "ConnectUi:Branding:PrimaryColor #1f5fbf gives 2.65:1 as link and button text on the dark page (#1e2128); at least 4.5:1 is needed.")]
    [InlineData("blue", false, "ConnectUi:Branding:PrimaryColor must be a colour written #rrggbb.")]
    public void A_primary_colour_needs_4_5_to_1_with_its_text_and_with_the_page(string color, bool dark, string? failure) =>
        Assert.Equal(failure, BrandRules.CheckPrimaryColor(color, "ConnectUi:Branding:PrimaryColor", dark));

    [Fact]
    public void A_logo_is_a_small_inline_image_or_a_shipped_file_never_a_remote_address()
    {
        var files = new PhysicalFileProvider(_webRoot);

        Assert.Null(BrandRules.CheckLogo(SvgDataUrl, "logo", files));
        Assert.Null(BrandRules.CheckLogo("branding/acme.svg", "logo", files));
        Assert.Contains("remote addresses are never fetched", BrandRules.CheckLogo("https://cdn.example/logo.svg", "logo", files));
        Assert.Contains("remote addresses are never fetched", BrandRules.CheckLogo("//cdn.example/logo.svg", "logo", files));
        Assert.Contains("remote addresses are never fetched", BrandRules.CheckLogo("../secrets/logo.svg", "logo", files));
        Assert.Contains("no file 'branding/missing.svg'", BrandRules.CheckLogo("branding/missing.svg", "logo", files));
        Assert.Contains("SVG, PNG or WebP", BrandRules.CheckLogo("data:text/html;base64,PGgxPg==", "logo", files));
        Assert.Contains("SVG, PNG or WebP", BrandRules.CheckLogo("data:image/jpeg;base64,/9j/", "logo", files));
        Assert.Contains("not valid base64", BrandRules.CheckLogo("data:image/png;base64,abcde", "logo", files));
        var large = "data:image/png;base64," + Convert.ToBase64String(new byte[BrandRules.MaxLogoBytes + 1]);
        Assert.Contains("at most 10 KB", BrandRules.CheckLogo(large, "logo", files));

        // A host's session may only pass inline images or files the installation ships.
        Assert.Contains("data URL", BrandRules.CheckLogo("branding/acme.svg", "branding.logo", webRoot: null));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("Acme\u0007", "control characters")]
    public void A_product_name_is_short_and_printable(string name, string failure) =>
        Assert.Contains(failure, BrandRules.CheckProductName(name, "name"));

    [Fact]
    public void A_brand_that_fails_the_rules_stops_the_app_at_start_naming_each_key()
    {
        var options = BuildOptions(new Dictionary<string, string?>
        {
            ["ConnectUi:Branding:ProductName"] = "Acme Books",
            ["ConnectUi:Branding:PrimaryColor"] = "#3b82f6",
            ["ConnectUi:Branding:Logo"] = "https://cdn.example/logo.svg",
        });

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains(error.Failures, f => f.StartsWith("ConnectUi:Branding:PrimaryColor #3b82f6 gives 3.68:1", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("ConnectUi:Branding:Logo must be", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_brand_is_what_the_pages_draw()
    {
        using var services = BuildServices(new Dictionary<string, string?>
        {
            ["ConnectUi:Branding:ProductName"] = "Acme Books",
            ["ConnectUi:Branding:Logo"] = "branding/acme.svg",
            ["ConnectUi:Branding:PrimaryColor"] = "#6a1b9a",
            ["ConnectUi:Branding:PrimaryColorDark"] = "#ce93d8",
        });

        var brand = services.GetRequiredService<Brand>();

        Assert.Equal(new Brand("Acme Books", "branding/acme.svg", new BrandColor(0x6a, 0x1b, 0x9a), new BrandColor(0xce, 0x93, 0xd8)), brand);
        var session = brand.With(new SessionBranding(ProductName: "Host Co", PrimaryColor: "#00695c"));
        Assert.Equal("Host Co", session.ProductName);
        Assert.Equal("branding/acme.svg", session.LogoUrl);
        Assert.Equal("#00695c", session.Primary.ToString());
        Assert.Equal(brand.PrimaryDark, session.PrimaryDark);
    }

    private IOptions<BrandingOptions> BuildOptions(Dictionary<string, string?> settings) =>
        BuildServices(settings).GetRequiredService<IOptions<BrandingOptions>>();

    private ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IWebHostEnvironment>(new TestWebHostEnvironment(new PhysicalFileProvider(_webRoot)));
        services.AddBranding(configuration);
        return services.BuildServiceProvider();
    }

    public void Dispose() => Directory.Delete(_webRoot, recursive: true);

    private sealed class TestWebHostEnvironment(IFileProvider webRoot) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = string.Empty;
        public IFileProvider WebRootFileProvider { get; set; } = webRoot;
        public string ApplicationName { get; set; } = "ConnectUi";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = string.Empty;
        public string EnvironmentName { get; set; } = Environments.Production;
    }
}
