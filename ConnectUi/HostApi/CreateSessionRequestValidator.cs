using ConnectUi.Embedding;
using ConnectUi.Localization;
using ConnectUi.Providers;
using ConnectUi.Branding;
using FluentValidation;
using Microsoft.Extensions.FileProviders;

namespace ConnectUi.HostApi;

/// <summary>The shape of a session request; whether the reconnect connection exists is checked by the endpoint.</summary>
public sealed class CreateSessionRequestValidator : AbstractValidator<CreateSessionRequest>
{
    public const int MaxEndUserIdLength = 200;
    public const int MaxEmailLength = 320;
    public const int MaxRedirectUrlLength = 2000;

    public CreateSessionRequestValidator(IProviderCatalog catalog, EmbeddingOptions embedding, bool allowHttpLoopback, IFileProvider? webRoot = null)
    {
        var known = string.Join(", ", catalog.All.Select(p => p.Id));

        RuleFor(r => r.EndUserId)
            .NotEmpty().WithMessage("endUserId is required.")
            .MaximumLength(MaxEndUserIdLength).WithMessage($"endUserId must be at most {MaxEndUserIdLength} characters.")
            .Must(id => id is null || !id.Any(char.IsControl)).WithMessage("endUserId must not contain control characters.");

        RuleFor(r => r.EndUserEmail)
            .MaximumLength(MaxEmailLength).WithMessage($"endUserEmail must be at most {MaxEmailLength} characters.")
            .EmailAddress().WithMessage("endUserEmail must be an email address.")
            .When(r => r.EndUserEmail is not null);

        RuleFor(r => r.AllowedProviders)
            .NotEmpty().WithMessage("allowedProviders must list at least one provider; leave it out to offer every provider.")
            .Must(p => p!.Count <= 50).WithMessage("allowedProviders lists too many providers.")
            .When(r => r.AllowedProviders is not null);
        RuleForEach(r => r.AllowedProviders)
            .Must(id => catalog.Find(id) is not null)
            .WithMessage((_, id) => $"Unknown provider '{id}'. Known providers: {known}.");

        RuleFor(r => r.RedirectUrl)
            .MaximumLength(MaxRedirectUrlLength).WithMessage($"redirectUrl must be at most {MaxRedirectUrlLength} characters.")
            .Must(url => IsAllowedRedirect(url!, embedding, allowHttpLoopback))
            .WithMessage("redirectUrl must be an absolute https URL (http only for localhost in Development) on one of the origins in ConnectUi:Embedding:AllowedOrigins.")
            .When(r => r.RedirectUrl is not null);

        RuleFor(r => r.Locale)
            .Must(locale => SupportedCultures.Find(locale) is not null)
            .WithMessage($"locale must be one of {string.Join(", ", SupportedCultures.Names)}.")
            .When(r => r.Locale is not null);

        RuleFor(r => r.Branding!.ProductName).Custom((name, context) => Report(context, BrandRules.CheckProductName(name, "branding.productName")))
            .When(r => r.Branding is not null);
        RuleFor(r => r.Branding!.Logo).Custom((logo, context) => Report(context, BrandRules.CheckLogo(logo, "branding.logo", webRoot)))
            .When(r => r.Branding is not null);
        RuleFor(r => r.Branding!.PrimaryColor)
            .Custom((color, context) => Report(context, BrandRules.CheckPrimaryColor(color, "branding.primaryColor", dark: false)))
            .When(r => r.Branding is not null);
        RuleFor(r => r.Branding!.PrimaryColorDark)
            .Custom((color, context) => Report(context, BrandRules.CheckPrimaryColor(color, "branding.primaryColorDark", dark: true)))
            .When(r => r.Branding is not null);

        RuleFor(r => r.ReconnectConnectionId)
            .NotEqual(Guid.Empty).WithMessage("reconnectConnectionId must not be the empty GUID.");
    }

    private static void Report<T>(ValidationContext<T> context, string? failure)
    {
        if (failure is not null)
        {
            context.AddFailure(failure);
        }
    }

    private static bool IsAllowedRedirect(string text, EmbeddingOptions embedding, bool allowHttpLoopback) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (allowHttpLoopback && url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        && url.UserInfo.Length == 0
        && embedding.IsAllowed(url);
}
