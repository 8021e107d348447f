using System.Numerics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConnectUi.Circuits;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace ConnectUi.Tests.Circuits;

/// <summary>A circuit's interop serializer skips the contracts of .NET's property-less interfaces and writes the same JSON.</summary>
public sealed class InteropContractsTests
{
    [Fact]
    public async Task The_apps_circuits_get_the_frameworks_own_js_runtime_with_the_contracts()
    {
        await using var app = new ConnectUiWebApplicationFactory();
        using var scope = app.Services.CreateScope();
        using var other = app.Services.CreateScope();

        var runtime = scope.ServiceProvider.GetRequiredService<IJSRuntime>();

        // The framework casts the runtime to its own type when it builds a circuit.
        Assert.Equal("Microsoft.AspNetCore.Components.Server.Circuits.RemoteJSRuntime", runtime.GetType().FullName);
        // A later AddServerSideBlazor() (the request limits had one) would register the plain runtime over this one.
        Assert.IsType<InteropContracts>(SerializerOptions(runtime).TypeInfoResolver);
        Assert.NotSame(runtime, other.ServiceProvider.GetRequiredService<IJSRuntime>());
    }

    [Fact]
    public void Without_interactive_server_components_nothing_is_registered()
    {
        var services = new ServiceCollection().AddLeanInteropContracts();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IJSRuntime));
    }

    [Fact]
    public void The_renderer_ids_interfaces_get_no_contract_and_the_json_is_the_same()
    {
        var asked = new List<Type>();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new InteropContracts(new Recording(asked)),
        };
        object?[] args = [1, "konnektive", new Dictionary<string, List<string>> { ["a"] = ["b"] }, DayOfWeek.Monday];

        var json = JsonSerializer.Serialize(args, options);

        Assert.Equal(JsonSerializer.Serialize(args, JsonSerializerOptions.Web), json);
        Assert.Contains(typeof(int), asked);
        Assert.Contains(typeof(IEnumerable<char>), asked);
        Assert.DoesNotContain(typeof(INumber<int>), asked);
        Assert.DoesNotContain(typeof(IComparable), asked);
        Assert.DoesNotContain(typeof(IEquatable<string>), asked);
        Assert.DoesNotContain(typeof(ValueType), asked);
        Assert.DoesNotContain(typeof(Enum), asked);
    }

    [Fact]
    public void Collections_types_with_properties_and_converted_interfaces_keep_their_contracts()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new InteropContracts(new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new ComparableAsText());

        Assert.Equal("""{"hosts":["a","b"],"window":{"count":2}}""", JsonSerializer.Serialize(new Declared(["a", "b"], new Counted(2)), options));
        Assert.NotNull(options.GetTypeInfo(typeof(IReadOnlyDictionary<string, int>)));
        Assert.Equal("\"3\"", JsonSerializer.Serialize<IComparable>(3, options));
    }

    [Theory]
    [InlineData(typeof(IComparable), true)]
    [InlineData(typeof(INumber<int>), true)]
    [InlineData(typeof(ISpanParsable<string>), true)]
    [InlineData(typeof(IDisposable), true)]
    [InlineData(typeof(ValueType), true)]
    [InlineData(typeof(IEnumerable<char>), false)]
    [InlineData(typeof(IReadOnlyCollection<int>), false)]
    [InlineData(typeof(IJSObjectReference), false)]
    [InlineData(typeof(ICounted), false)]
    [InlineData(typeof(object), false)]
    [InlineData(typeof(int), false)]
    public void Contractless_means_a_dotnet_interface_with_nothing_to_write(Type type, bool contractless) =>
        Assert.Equal(contractless, InteropContracts.IsContractless(type));

    private static JsonSerializerOptions SerializerOptions(IJSRuntime runtime) =>
        (JsonSerializerOptions)typeof(JSRuntime)
            .GetProperty("JsonSerializerOptions", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(runtime)!;

    public interface ICounted
    {
        int Count { get; }
    }

    private sealed record Counted(int Count) : ICounted;

    private sealed record Declared(IReadOnlyList<string> Hosts, ICounted Window);

    private sealed class Recording(List<Type> asked) : IJsonTypeInfoResolver
    {
        private readonly DefaultJsonTypeInfoResolver _inner = new();

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            asked.Add(type);
            return _inner.GetTypeInfo(type, options);
        }
    }

    private sealed class ComparableAsText : System.Text.Json.Serialization.JsonConverter<IComparable>
    {
        public override IComparable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString()!;

        public override void Write(Utf8JsonWriter writer, IComparable value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
