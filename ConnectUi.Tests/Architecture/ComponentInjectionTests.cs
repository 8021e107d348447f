using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace ConnectUi.Tests.Architecture;

/// <summary>
/// Pages and components depend on interfaces (or framework and library types), never on the app's concrete classes,
/// so a test can register a fake first and a page does not change when a service does. <c>@inject</c> compiles to an
/// <see cref="InjectAttribute"/> property too, so one check covers both.
/// </summary>
public sealed class ComponentInjectionTests
{
    private static readonly Assembly App = typeof(Program).Assembly;

    private static readonly string[] ComponentNamespaces = ["ConnectUi.Features", "ConnectUi.Components"];

    /// <summary>Concrete app types a component may inject, each with the reason. The test fails when one is no longer injected.</summary>
    private static readonly Dictionary<Type, string> Allowed = new()
    {
        // None today: the brand, the last one, is read through IShownBrand (the session's over the installation's).
    };

    [Fact]
    public void Components_inject_interfaces_not_concrete_app_classes()
    {
        var problems = Injections()
            .Where(i => IsConcreteAppClass(i.Property.PropertyType) && !Allowed.ContainsKey(i.Property.PropertyType))
            .Select(i => $"{i.Component.FullName}.{i.Property.Name}: {i.Property.PropertyType.FullName}"
                + (i.Property.DeclaringType == i.Component ? string.Empty : $" (declared on {i.Property.DeclaringType!.FullName})"))
            .Order()
            .ToArray();

        Assert.True(problems.Length == 0, "Components that inject a concrete app class (extract an interface beside the class, register it "
            + "with TryAdd* in the area's AddXxx method, and inject that):" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_allowed_concrete_injection_is_still_used()
    {
        var injected = Injections().Select(i => i.Property.PropertyType).ToHashSet();

        Assert.Empty(Allowed.Keys.Where(type => !injected.Contains(type)).Select(type => type.FullName));
    }

    private static bool IsConcreteAppClass(Type type) => type.Assembly == App && !type.IsInterface && !type.IsAbstract;

    /// <summary>Each [Inject] property of the components in scope, including those their base classes declare, once per declaration.</summary>
    private static IEnumerable<(Type Component, PropertyInfo Property)> Injections() => App.GetTypes()
        .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract && InScope(t))
        .SelectMany(t => Hierarchy(t)
            .SelectMany(declaring => declaring.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => p.IsDefined(typeof(InjectAttribute), inherit: false))
            .Select(p => (Component: t, Property: p)))
        .DistinctBy(i => (i.Property.DeclaringType, i.Property.Name));

    private static bool InScope(Type type) =>
        type.Namespace is { } ns && ComponentNamespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> Hierarchy(Type type)
    {
        for (var current = type; current is not null && current != typeof(ComponentBase); current = current.BaseType)
        {
            yield return current;
        }
    }
}
