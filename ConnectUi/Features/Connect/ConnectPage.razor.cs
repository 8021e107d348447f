using ConnectUi.Connections;
using ConnectUi.Providers;
using ConnectUi.Sandbox;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace ConnectUi.Features.Connect;

/// <summary>A provider's page: its guide beside its form, then the success screen.</summary>
public sealed partial class ConnectPage
{
    private ProviderDefinition? _provider;
    private string? _highlightedStep;
    private ConnectResult? _connected;
    private CredentialForm? _form;

    [Inject]
    public required ProviderCatalog Catalog { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IOptions<ConnectFlowOptions> Options { get; init; }

    [Inject]
    public required IOptions<SandboxOptions> Sandbox { get; init; }

    [Parameter]
    public required string ProviderId { get; set; }

    private bool SandboxEnabled => Sandbox.Value.Enabled;

    private IReadOnlyList<string> EgressIps => Options.Value.EgressIps.ToArray();

    protected override void OnParametersSet()
    {
        _provider = Catalog.Find(ProviderId);
        if (_provider is null)
        {
            Navigation.NotFound();
        }
    }

    private async Task HighlightStepAsync(string anchor)
    {
        _highlightedStep = anchor;
        StateHasChanged();
        await JS.InvokeVoidAsync("connectUi.scrollToStep", anchor);
    }

    private async Task FillFormAsync(IReadOnlyDictionary<string, string> values)
    {
        if (_form is not null)
        {
            _form.Fill(values);
            await JS.InvokeVoidAsync("connectUi.focusById", "form-title");
        }
    }

    private void OnConnected(ConnectResult result) => _connected = result;
}
