using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConnectUi.E2E.Support;

/// <summary>
/// The app with every page in the test-only pseudo-language (<see cref="PseudoLocalization"/>), whatever the browser
/// asks for. A caller is locked out of an account after two refused sign-ins, so the "too many attempts" state shows.
/// </summary>
public sealed class PseudoLocaleAppFixture : IAsyncLifetime
{
    public const int RefusalsBeforeLockout = 2;

    public ConnectUiAppFixture App { get; } = new(
        new Dictionary<string, string> { ["ConnectUi:RateLimits:Lockout:FailuresBeforeLockout"] = RefusalsBeforeLockout.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        services =>
        {
            PseudoLocalization.InstallInGeneratedResourceClasses();
            services.AddSingleton<IStringLocalizerFactory>(provider => new PseudoLocalization.LocalizerFactory(
                new ResourceManagerStringLocalizerFactory(
                    provider.GetRequiredService<IOptions<LocalizationOptions>>(), provider.GetRequiredService<ILoggerFactory>())));
            services.PostConfigure<RequestLocalizationOptions>(options =>
            {
                options.SupportedCultures!.Add(PseudoLocalization.Culture);
                options.SupportedUICultures!.Add(PseudoLocalization.Culture);
                options.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(
                    _ => Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(PseudoLocalization.CultureName))));
            });
        });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
