using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.JSInterop;

namespace ConnectUi.Circuits;

/// <summary>
/// Keeps each circuit's JS interop serializer from building JSON contracts nobody can use. Every argument of an interop
/// call is serialized as <c>object</c>, and for an argument of such a runtime type System.Text.Json looks for a
/// polymorphic ancestor: it builds a contract for every base class and interface of the value's type. For the
/// renderer id the framework sends when a circuit starts, an <see cref="int"/>, that is some 30 generic-math
/// interfaces (<c>INumber&lt;int&gt;</c>, <c>IComparable</c>, ...). The serializer options, and so the contracts, belong to
/// one circuit's <see cref="JSRuntime"/>: they are built again for every person, about 35 KiB each
/// (docs/performance.md, "Fifth round").
/// </summary>
/// <remarks>
/// The contracts skipped are those of .NET's own interfaces (and <see cref="ValueType"/>, <see cref="Enum"/>) that
/// have no instance properties and are not collections: serialized as a declared type they could only ever write
/// <c>{}</c>, and none carries polymorphism options, so the ancestor search finds nothing either way. Every other type,
/// and any type a converter handles (<see cref="IJSObjectReference"/>), gets its contract as before.
/// </remarks>
public sealed class InteropContracts(IJsonTypeInfoResolver inner) : IJsonTypeInfoResolver
{
    // The framework leaves its runtimes' resolver unset (reflection's default): one shared instance serves every circuit.
    private static readonly InteropContracts OverReflection = new(new DefaultJsonTypeInfoResolver());

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        IsContractless(type) && !options.Converters.Any(converter => converter.CanConvert(type))
            ? null
            : inner.GetTypeInfo(type, options);

    /// <summary>A .NET interface or abstract base with nothing to serialize: no instance property, no elements.</summary>
    public static bool IsContractless(Type type) =>
        type.Assembly == typeof(object).Assembly
        && (type.IsInterface || type == typeof(ValueType) || type == typeof(Enum))
        && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.GetInterfaces().Append(type).All(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length == 0);

    /// <summary>
    /// Gives a circuit's JS runtime these contracts. The options are still open here: the runtime has only just been
    /// created and nothing has been serialized through it. Options already in use are left as they are.
    /// </summary>
    public static void ApplyTo(JSRuntime runtime)
    {
        var options = SerializerOptions(runtime);
        if (!options.IsReadOnly)
        {
            options.TypeInfoResolver = options.TypeInfoResolver is { } own ? new InteropContracts(own) : OverReflection;
        }
    }

    // JSRuntime.JsonSerializerOptions is protected internal; the framework offers no other way to its settings.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_JsonSerializerOptions")]
    private static extern JsonSerializerOptions SerializerOptions(JSRuntime runtime);
}
