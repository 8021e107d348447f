namespace ConnectUi.Providers;

/// <summary>The catalog's categories: stable ids (links, filters) with a name in each language.</summary>
public static class ProviderCategories
{
    public const string Crm = "CRM";
    public const string ECommerce = "E-commerce";
    public const string Support = "Support";
    public const string Ticketing = "Ticketing";

    /// <summary>The category's name in the current UI culture; an id without a translation shows as it is.</summary>
    public static string DisplayName(string category) => category switch
    {
        Crm => ProvidersStrings.CategoryCrm,
        ECommerce => ProvidersStrings.CategoryECommerce,
        Support => ProvidersStrings.CategorySupport,
        Ticketing => ProvidersStrings.CategoryTicketing,
        _ => category,
    };
}
