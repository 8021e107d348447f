namespace ConnectUi.Circuits;

/// <summary>
/// A page a request gets as static HTML, with no circuit: its own script makes it respond (the catalog's search and
/// filter). A circuit that is already open (a host's session, which lives in the circuit) still renders the page
/// interactively when the person navigates to it, so the page works both ways.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ServedStaticallyAttribute : Attribute;

/// <summary>How App.razor reads <see cref="ServedStaticallyAttribute"/> from the request's endpoint.</summary>
public static class ServedStaticallyExtensions
{
    /// <summary>True when the request is for a page marked <see cref="ServedStaticallyAttribute"/>.</summary>
    public static bool IsServedStatically(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ServedStaticallyAttribute>() is not null;
}
