using ConnectUi.Embedding;
using ConnectUi.HostApi;
using ConnectUi.HostApi.Keys;
using ConnectUi.Providers;
using ConnectUi.Sessions;
using ConnectUi.Staff.Audit;
using FluentValidation;
using FluentValidation.Internal;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConnectUi.Features.SupportConsole;

/// <summary>
/// Staff create a connect session for a customer, as a host backend would through the host API and under the same
/// rules, optionally opening at a guide step with non-secret values filled in, and copy the link to send them.
/// </summary>
public sealed partial class GuidedLinkPage
{
    private const string ProviderKey = "provider";
    private const string EndUserKey = "endUserId";
    private const string TenantKey = "tenant";

    private readonly Dictionary<string, string> _prefill = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);
    private ProviderDefinition? _provider;
    private string? _step;
    private string? _endUserId;
    private bool _creating;
    private CreatedLink? _created;
    private IReadOnlyList<string> _tenants = [];
    private string? _tenantId;

    [Inject]
    public required IProviderCatalog Catalog { get; init; }

    [Inject]
    public required ISessionService Sessions { get; init; }

    [Inject]
    public required IAuditLog Audit { get; init; }

    [Inject]
    public required IHostApiKeyStore Keys { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IOptions<EmbeddingOptions> Embedding { get; init; }

    [Inject]
    public required IOptions<HostApplicationOptions> HostApplication { get; init; }

    [Inject]
    public required IHostEnvironment Environment { get; init; }

    [Inject]
    public required IStringLocalizer<SupportConsoleStrings> Loc { get; init; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    /// <summary>The tenants with a key: the connection must belong to one, or no host could see it. With one, it is chosen.</summary>
    protected override async Task OnInitializedAsync()
    {
        _tenants = await Keys.TenantsAsync(CancellationToken.None);
        _tenantId = _tenants.Count == 1 ? _tenants[0] : null;
    }

    private string? Problem(string key) => _problems.GetValueOrDefault(key);

    private string Invalid(string key) => _problems.ContainsKey(key) ? "true" : "false";

    private void OnProviderChanged(ChangeEventArgs e)
    {
        _provider = Catalog.Find(e.Value as string ?? string.Empty);
        _step = null;
        _prefill.Clear();
        _problems.Remove(ProviderKey);
    }

    private async Task CreateAsync()
    {
        if (_creating)
        {
            return;
        }

        _problems.Clear();
        var endUserId = _endUserId?.Trim();
        if (_provider is null)
        {
            _problems[ProviderKey] = Loc[nameof(SupportConsoleStrings.ChooseProviderProblem)];
        }

        // The host API's own rules for a session request, so a guided link is exactly what a host could create.
        var request = new CreateSessionRequest { EndUserId = endUserId, AllowedProviders = _provider is null ? null : [_provider.Id] };
        var hostRules = new CreateSessionRequestValidator(Catalog, Embedding.Value, allowHttpLoopback: Environment.IsDevelopment()).Validate(request);
        if (hostRules.Errors.Any(e => e.PropertyName == nameof(CreateSessionRequest.EndUserId)))
        {
            _problems[EndUserKey] = string.IsNullOrEmpty(endUserId)
                ? Loc[nameof(SupportConsoleStrings.EndUserRequired)]
                : Loc[nameof(SupportConsoleStrings.EndUserInvalid), CreateSessionRequestValidator.MaxEndUserIdLength];
        }

        if (_tenants.Count > 0 && !_tenants.Contains(_tenantId ?? string.Empty))
        {
            _problems[TenantKey] = Loc[nameof(SupportConsoleStrings.ChooseTenantProblem)];
        }

        var prefill = _provider is null ? [] : Prefill(_provider);
        if (_problems.Count > 0 || _provider is null)
        {
            return;
        }

        _creating = true;
        try
        {
            var created = await Sessions.CreateAsync(new NewSession(endUserId!, AllowedProviders: [_provider.Id], Prefill: prefill, StartStep: _step, TenantId: _tenants.Count > 0 ? _tenantId : null), CancellationToken.None);
            var url = new Uri(PublicBase(), $"connect?session={created.Token}").AbsoluteUri;
            var user = (await AuthenticationState).User.Identity?.Name ?? "unknown";
            var stepText = _step is null ? Loc[nameof(SupportConsoleStrings.GuideStepStart)].Value : _provider.FindStep(_step)!.Title;
            await Audit.WriteAsync(user, AuditAction.GuidedLinkCreated, endUserId,
                $"{_provider.DisplayName}; {stepText}; {string.Join(", ", prefill.Keys)}{(_tenants.Count > 0 ? $"; {_tenantId}" : string.Empty)}");
            _created = new CreatedLink(url, created.Session.ExpiresAt,
                Loc[nameof(SupportConsoleStrings.LinkSummary), _provider.DisplayName, stepText, prefill.Count]);
        }
        finally
        {
            _creating = false;
        }
    }

    /// <summary>The non-empty prefill values, normalized as the form would; each checked by the provider's own rules.</summary>
    private Dictionary<string, string> Prefill(ProviderDefinition provider)
    {
        var model = provider.CreateModel();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in provider.Fields.Where(f => !f.IsSecret))
        {
            var value = field.Normalize(_prefill.GetValueOrDefault(field.Name) ?? string.Empty).Value;
            if (value.Length > 0)
            {
                model[field.Name] = value;
                values[field.Name] = value;
            }
        }

        if (values.Count > 0)
        {
            var context = new ValidationContext<object>(model, new PropertyChain(), new MemberNameValidatorSelector(values.Keys));
            foreach (var failure in provider.Validator.Validate(context).Errors.Where(f => values.ContainsKey(f.PropertyName)))
            {
                _problems.TryAdd(failure.PropertyName, failure.ErrorMessage);
            }
        }

        return values;
    }

    private Uri PublicBase()
    {
        var text = HostApplication.Value.PublicBaseUrl?.AbsoluteUri ?? Navigation.BaseUri;
        return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    private sealed record CreatedLink(string Url, DateTimeOffset ExpiresAt, string Summary);
}
