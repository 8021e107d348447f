using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectUi.Branding;

public static class BrandingServiceCollectionExtensions
{
    /// <summary>Binds <c>ConnectUi:Branding</c> and refuses to start with a brand that fails <see cref="BrandRules"/>.</summary>
    public static IServiceCollection AddBranding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BrandingOptions>().Bind(configuration.GetSection(BrandingOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrandingOptions>, BrandingOptionsValidator>());
        services.TryAddSingleton(provider => Brand.From(provider.GetRequiredService<IOptions<BrandingOptions>>().Value));
        return services;
    }
}

/// <summary>Checks the configured brand at start, naming each key that fails and why.</summary>
internal sealed class BrandingOptionsValidator(IWebHostEnvironment environment) : IValidateOptions<BrandingOptions>
{
    public ValidateOptionsResult Validate(string? name, BrandingOptions options)
    {
        const string prefix = BrandingOptions.Section + ":";
        string?[] failures =
        [
            BrandRules.CheckProductName(options.ProductName, prefix + nameof(BrandingOptions.ProductName)),
            BrandRules.CheckLogo(options.Logo, prefix + nameof(BrandingOptions.Logo), environment.WebRootFileProvider),
            BrandRules.CheckPrimaryColor(options.PrimaryColor, prefix + nameof(BrandingOptions.PrimaryColor), dark: false),
            BrandRules.CheckPrimaryColor(options.PrimaryColorDark, prefix + nameof(BrandingOptions.PrimaryColorDark), dark: true),
        ];
        var errors = failures.OfType<string>().ToArray();
        return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
