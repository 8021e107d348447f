using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ConnectUi.Localization;

/// <summary>
/// Runs every inbound activity of a circuit (events, JS calls, navigation) in the circuit's chosen culture. Without it
/// the circuit would keep the culture of the request that opened its connection, and a language switch would need a
/// reload that loses the form.
/// </summary>
public sealed class CircuitCultureHandler(CircuitCulture culture) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            culture.ApplyToCurrentThread();
            return next(context);
        };
}
