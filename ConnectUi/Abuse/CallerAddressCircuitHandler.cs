using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ConnectUi.Abuse;

/// <summary>
/// Captures the client address when a circuit's connection comes up: the hub connection's HttpContext is only
/// reachable then, while every later form submit runs outside any HTTP request.
/// </summary>
public sealed class CallerAddressCircuitHandler(CallerAddress callerAddress, IHttpContextAccessor httpContextAccessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        callerAddress.Capture(httpContextAccessor.HttpContext);
        return Task.CompletedTask;
    }
}
