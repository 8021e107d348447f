using Bunit;

namespace ConnectUi.Tests.Support;

/// <summary>
/// A bUnit context with the ConnectUi test services, disposed asynchronously: MudBlazor's services
/// only implement IAsyncDisposable, which a synchronous Dispose of the container refuses.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext() => this.AddConnectUiTestServices();

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
