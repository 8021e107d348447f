using System.Text;
using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectUi.Tests.Features.Connect;

/// <summary>
/// .NET 10's circuit state persistence, through the framework's own <see cref="ComponentStatePersistenceManager"/>: what
/// a paused circuit persists of the connect form, and what a circuit resumed from it shows.
/// </summary>
public sealed class PausedFormTests
{
    private const string Hostname = "api-na.myconnectwise.net";
    private const string ApiVersion = "2025.1";
    private const string ClientId = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private const string PublicKey = "acme+PublicKey1";
    private const string PrivateKey = "PrivateKey1";
    private static readonly Guid SessionId = Guid.Parse("6d1c1e63-7d0c-4c55-9a55-0c3f4e2b9a11");

    [Fact]
    public async Task A_paused_circuit_persists_the_non_secret_fields_and_never_a_secret_one()
    {
        await using var before = new CircuitContext();
        var form = before.RenderConnectWiseForm();
        TypeEveryField(form);

        var persisted = await before.PauseAsync();

        var everything = string.Join('\n', persisted.Values.Select(Encoding.UTF8.GetString));
        Assert.Contains(Hostname, everything, StringComparison.Ordinal);
        Assert.Contains(ApiVersion, everything, StringComparison.Ordinal);
        Assert.Contains(SessionId.ToString(), everything, StringComparison.Ordinal);
        foreach (var secret in new[] { ClientId, PublicKey, PrivateKey })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_circuit_resumed_from_it_fills_the_form_and_asks_for_the_secret_fields_again()
    {
        await using var before = new CircuitContext();
        var typed = before.RenderConnectWiseForm();
        typed.Find("#field-Hostname").Input(Hostname);
        typed.Find("#field-ApiVersion").Input(ApiVersion);
        typed.Find("#field-Password").Input(PrivateKey);
        var persisted = await before.PauseAsync();

        await using var resumed = new CircuitContext();
        await resumed.ResumeAsync(persisted);

        // The page reopens the session from this id before the form renders.
        Assert.Equal(SessionId, resumed.Services.GetRequiredService<IPausedForm>().RestoredSessionId);
        var form = resumed.RenderConnectWiseForm();

        Assert.Equal(Hostname, form.Find("#field-Hostname").GetAttribute("value"));
        Assert.Equal(ApiVersion, form.Find("#field-ApiVersion").GetAttribute("value"));
        foreach (var secret in new[] { "ClientId", "Username", "Password" })
        {
            Assert.True(string.IsNullOrEmpty(form.Find($"#field-{secret}").GetAttribute("value")));
        }

        Assert.Equal(
            string.Format(ConnectStrings.DraftRestored, $"{ConnectWisePsaStrings.ClientIdLabel}, {ConnectWisePsaStrings.UsernameLabel}, {ConnectWisePsaStrings.PasswordLabel}"),
            form.Find("[data-testid=draft-restored]").TextContent);
    }

    [Fact]
    public async Task A_resumed_draft_is_for_its_own_provider_and_session_only_and_restores_no_secret_it_was_handed()
    {
        await using var resumed = new CircuitContext();
        var paused = (PausedForm)resumed.Services.GetRequiredService<IPausedForm>();

        // As the framework restores it: a draft of another session fills nothing.
        paused.Kept = new PausedFormDraft(ConnectWisePsaProvider.Id, Guid.NewGuid(), new Dictionary<string, string> { ["Hostname"] = Hostname });
        var otherSession = resumed.RenderConnectWiseForm();
        Assert.True(string.IsNullOrEmpty(otherSession.Find("#field-Hostname").GetAttribute("value")));
        Assert.Empty(otherSession.FindAll("[data-testid=draft-restored]"));

        // Even if a secret field's value were in the state, the form takes only the non-secret fields from it.
        paused.Kept = new PausedFormDraft(ConnectWisePsaProvider.Id, SessionId, new Dictionary<string, string> { ["Hostname"] = Hostname, ["Password"] = PrivateKey });
        var form = resumed.RenderConnectWiseForm();
        Assert.Equal(Hostname, form.Find("#field-Hostname").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(form.Find("#field-Password").GetAttribute("value")));
    }

    [Fact]
    public async Task A_saved_connection_leaves_nothing_to_resume()
    {
        await using var before = new CircuitContext();
        before.Connections.Result = ConnectResult.Connected(Guid.NewGuid(), TestServices.Now);
        var form = before.RenderConnectWiseForm();
        TypeEveryField(form);

        await form.Find("form").SubmitAsync();
        var persisted = await before.PauseAsync();

        Assert.DoesNotContain(Hostname, string.Join('\n', persisted.Values.Select(Encoding.UTF8.GetString)), StringComparison.Ordinal);
    }

    private static void TypeEveryField(IRenderedComponent<CredentialForm> form)
    {
        form.Find("#field-Hostname").Input(Hostname);
        form.Find("#field-ApiVersion").Input(ApiVersion);
        form.Find("#field-ClientId").Input(ClientId);
        form.Find("#field-Username").Input(PublicKey);
        form.Find("#field-Password").Input(PrivateKey);
    }

    /// <summary>One circuit's services, with the form's persistent service registered as the app registers it.</summary>
    private sealed class CircuitContext : ComponentTestContext
    {
        public CircuitContext()
        {
            Services.AddSingleton<IConnectionService>(Connections);

            // One context is one circuit: the form and the framework's persistence manager must see the same instance.
            Services.AddSingleton<IPausedForm, PausedForm>();
            RegisterPersistentComponentStateServiceCollectionExtensions.AddPersistentServiceRegistration<IPausedForm>(Services, RenderMode.InteractiveServer);
            JSInterop.SetupModule("./Features/Connect/CredentialForm.razor.js");
        }

        public FakeConnectionService Connections { get; } = new();

        public IRenderedComponent<CredentialForm> RenderConnectWiseForm() =>
            Render<CredentialForm>(p => p.Add(c => c.Provider, ConnectWisePsaProvider.Definition).Add(c => c.SessionId, SessionId));

        /// <summary>What the framework collects when this circuit pauses: the state it hands to the client or the cache.</summary>
        public async Task<IReadOnlyDictionary<string, byte[]>> PauseAsync()
        {
            // A circuit's manager is restored once when the circuit starts (from nothing for a new one), and that is when it
            // subscribes the registered persistent services: a manager that was never restored persists nothing.
            var manager = NewManager();
            await manager.RestoreStateAsync(new Store(), RestoreContext.InitialValue);
            var store = new Store();
            await manager.PersistStateAsync(store, Renderer);
            return store.Persisted;
        }

        /// <summary>What the framework does first in a circuit resumed from <paramref name="state"/>, before any page renders.</summary>
        public Task ResumeAsync(IReadOnlyDictionary<string, byte[]> state) =>
            NewManager().RestoreStateAsync(new Store { Persisted = state }, RestoreContext.LastSnapshot);

        private ComponentStatePersistenceManager NewManager() =>
            new(NullLogger<ComponentStatePersistenceManager>.Instance, Services);
    }

    private sealed class Store : IPersistentComponentStateStore
    {
        public IReadOnlyDictionary<string, byte[]> Persisted { get; set; } = new Dictionary<string, byte[]>();

        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult<IDictionary<string, byte[]>>(Persisted.ToDictionary());

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state)
        {
            Persisted = state;
            return Task.CompletedTask;
        }

        public bool SupportsRenderMode(IComponentRenderMode renderMode) => true;
    }
}
