using ConnectUi.Circuits;
using ConnectUi.MudMarkup;
using ConnectUi.Providers;
using ConnectUi.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ConnectUi.Features.Catalog;

/// <summary>
/// The provider catalog: every provider as a card, with search and a category filter; under a host's session, only the
/// providers it allows, and straight to the provider's page when it allows one.
/// </summary>
public sealed partial class CatalogPage
{
    // MudIcon's markup for the search adornment and MudTextField's clear button, written once.
    private static readonly MarkupString SearchIcon =
        new(SvgIcon.DecorativeMarkup(Icons.Material.Filled.Search, "mud-icon-default mud-icon-size-medium mud-input-adornment-icon"));

    private static readonly MarkupString ClearIcon = new(SvgIcon.DecorativeMarkup(Icons.Material.Filled.Clear, "mud-icon-size-small"));

    private ElementReference _search;

    [Inject]
    public required IProviderCatalog Catalog { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IAddressBar Address { get; init; }

    [Inject]
    public required IConnectSessionContext Session { get; init; }

    [Inject]
    public required IStringLocalizer<CatalogStrings> Loc { get; init; }

    /// <summary>Search text; also read from <c>?q=</c> so support staff can share a filtered link.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? Category { get; set; }

    private IReadOnlyList<ProviderDefinition> Results { get; set; } = [];

    /// <summary>Rendered for a request, with no circuit (<see cref="ServedStaticallyAttribute"/>): the page's script answers input.</summary>
    private bool Static => !RendererInfo.IsInteractive;

    private IReadOnlyList<string>? AllowedProviders => Session.Refuses ? null : Session.Current?.AllowedProviders;

    /// <summary>The categories of the providers on offer, so no filter leads to an empty list.</summary>
    private IReadOnlyList<string> Categories => AllowedProviders is null
        ? Catalog.Categories
        : Catalog.Categories.Where(c => Catalog.Search(null, c, AllowedProviders).Count > 0).ToArray();

    protected override void OnParametersSet()
    {
        if (AllowedProviders is [var only])
        {
            Navigation.NavigateTo($"connect/{only}", replace: true);
            return;
        }

        Category = Categories.FirstOrDefault(c => string.Equals(c, Category, StringComparison.OrdinalIgnoreCase));
        Refresh();
    }

    private string ResultSummary => Results.Count switch
    {
        0 => Loc[nameof(CatalogStrings.ResultCountNone)],
        1 => Loc[nameof(CatalogStrings.ResultCountOne)],
        var n => Loc[nameof(CatalogStrings.ResultCountMany), n],
    };

    private string EmptyStateCriteria => (string.IsNullOrWhiteSpace(Query), Category) switch
    {
        (false, null) => Loc[nameof(CatalogStrings.EmptyCriteriaQuery), Query!.Trim()],
        (false, var category) => Loc[nameof(CatalogStrings.EmptyCriteriaQueryInCategory), Query!.Trim(), ProviderCategories.DisplayName(category)],
        (true, var category) => Loc[nameof(CatalogStrings.EmptyCriteriaCategory), category is null ? string.Empty : ProviderCategories.DisplayName(category)],
    };

    private Task OnQueryChanged(string? query)
    {
        Query = query;
        return ShowAsync();
    }

    /// <summary>As MudBlazor's clear button does: empties the search and gives the focus back to it.</summary>
    private async Task ClearQueryAsync()
    {
        Query = null;
        Refresh();
        await _search.FocusAsync();
        await KeepCriteriaInAddressAsync();
    }

    private Task SelectCategory(string? category)
    {
        Category = category;
        return ShowAsync();
    }

    private Task ClearFilters()
    {
        Query = null;
        Category = null;
        return ShowAsync();
    }

    private async Task ShowAsync()
    {
        Refresh();
        await KeepCriteriaInAddressAsync();
    }

    /// <summary>
    /// The criteria go into the address, as the page's script does without a circuit: the back button, a reload or a link
    /// shared by support staff finds the same results. Replaced, not navigated to: the page answers every key itself, and
    /// a navigation's answer for an earlier key would put that key's text back into the search.
    /// </summary>
    private ValueTask KeepCriteriaInAddressAsync() => Address.ReplaceAsync(Navigation.GetUriWithQueryParameters(
        new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query,
            ["category"] = Category,
        }));

    private bool IsSelected(string? category) => string.Equals(Category, category, StringComparison.OrdinalIgnoreCase);

    // aria-pressed needs the literal "true"/"false": Blazor renders a bool true as an empty attribute.
    private string Pressed(string? category) => IsSelected(category) ? "true" : "false";

    private string FilterClass(string? category) => ButtonClasses.Primary(IsSelected(category) ? Variant.Filled : Variant.Outlined, Size.Small);

    private void Refresh() => Results = Catalog.Search(Query, Category, AllowedProviders);
}
