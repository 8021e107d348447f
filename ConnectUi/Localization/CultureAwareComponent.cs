using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace ConnectUi.Localization;

/// <summary>
/// Base of every page and component (set in <c>_Imports.razor</c>). The layout cascades the circuit's culture, so a
/// language switch re-renders each component, keeping its state, in the new language; and each render runs in the
/// circuit's current culture, even one a task started before the switch.
/// </summary>
public abstract class CultureAwareComponent : ComponentBase
{
    public const string CascadeName = "UiCulture";

    [CascadingParameter(Name = CascadeName)]
    public CultureInfo? UiCulture { get; set; }

    [Inject]
    public required ICircuitCulture CircuitCulture { get; init; }

    public override Task SetParametersAsync(ParameterView parameters)
    {
        CircuitCulture.ApplyToCurrentThread();
        return base.SetParametersAsync(parameters);
    }

    protected override bool ShouldRender()
    {
        CircuitCulture.ApplyToCurrentThread();
        return true;
    }
}
