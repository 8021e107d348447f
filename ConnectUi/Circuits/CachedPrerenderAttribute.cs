namespace ConnectUi.Circuits;

/// <summary>
/// A page whose HTML, as a request renders it (prerendered for a circuit, or static), depends only on its address, the
/// request's culture and the installation's settings, so one render can stand for every request for the same address in
/// the same culture (<see cref="PrerenderCache"/>). A request's render never holds a session or anything a person typed:
/// those live in the circuit, which renders the page anew.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CachedPrerenderAttribute : Attribute;
