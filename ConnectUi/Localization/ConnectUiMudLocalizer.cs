using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ConnectUi.Localization;

/// <summary>
/// MudBlazor's own texts (a text field's "Clear" button, for one) in the page's language: MudBlazor ships them in
/// English only. Keys MudBlazor asks for that <c>MudBlazorStrings.resx</c> does not have stay MudBlazor's English.
/// </summary>
public sealed class ConnectUiMudLocalizer(IStringLocalizer<MudBlazorStrings> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => strings[key];

    public override LocalizedString this[string key, params object[] arguments] => strings[key, arguments];
}
