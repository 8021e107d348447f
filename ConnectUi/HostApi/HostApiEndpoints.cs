using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectUi.Abuse;
using ConnectUi.Connections;
using ConnectUi.Connections.Storage;
using ConnectUi.Embedding;
using ConnectUi.Localization;
using ConnectUi.Providers;
using ConnectUi.Sessions;
using ConnectUi.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConnectUi.HostApi;

/// <summary>The JSON API host backends call: create connect sessions, then read, re-verify and delete connections.</summary>
public static class HostApiEndpoints
{
    public const string Prefix = "/api";

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("allowedProvider") is an error, not a silently ignored setting.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static RouteGroupBuilder MapHostApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .WithTags("Host API")
            .DisableAntiforgery()
            .RequireRateLimiting(HostApiRateLimiting.Policy)
            .RequireScopes()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/connect/sessions", CreateSessionAsync)
            .RequireScope(HostApiScopes.SessionsCreate)
            .WithName("CreateConnectSession")
            .WithSummary("Creates a connect session for one end user and returns the link to send them to.")
            .Accepts<CreateSessionRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var connections = api.MapGroup("/connections");
        connections.MapGet("/", ListConnectionsAsync)
            .RequireScope(HostApiScopes.ConnectionsRead)
            .WithName("ListConnections")
            .WithSummary("Lists an end user's connections, optionally of one provider. No secrets.");
        connections.MapGet("/{id:guid}", GetConnectionAsync)
            .RequireScope(HostApiScopes.ConnectionsRead)
            .WithName("GetConnection")
            .WithSummary("One connection, without secrets.");
        connections.MapGet("/{id:guid}/credentials", GetCredentialsAsync)
            .RequireScope(HostApiScopes.CredentialsRead)
            .WithName("GetConnectionCredentials")
            .WithSummary("The connection's decrypted credentials, for the host backend to call the provider with.");
        connections.MapPost("/{id:guid}/verify", VerifyConnectionAsync)
            .RequireScope(HostApiScopes.ConnectionsRead)
            .WithName("VerifyConnection")
            .WithSummary("Runs the provider test call again with the stored credentials and records the outcome. Never changes the credentials.");
        connections.MapDelete("/{id:guid}", DeleteConnectionAsync)
            .RequireScope(HostApiScopes.ConnectionsDelete)
            .WithName("DeleteConnection")
            .WithSummary("Deletes the connection and its credentials.");
        connections.MapGet("/{id:guid}/history", GetHistoryAsync)
            .RequireScope(HostApiScopes.ConnectionsRead)
            .WithName("GetConnectionHistory")
            .WithSummary("The connection's status and its test calls, newest first. No secrets.");

        var deliveries = api.MapGroup("/webhooks/deliveries");
        deliveries.MapGet("/", ListDeliveriesAsync)
            .RequireScope(HostApiScopes.ConnectionsRead)
            .WithName("ListWebhookDeliveries")
            .WithSummary("Webhook events and how their delivery went, newest first; status=failed lists those that need a replay.");
        deliveries.MapPost("/{id}/replay", ReplayDeliveryAsync)
            .RequireScope(HostApiScopes.ConnectionsRead)
            .WithName("ReplayWebhookDelivery")
            .WithSummary("Sends an event again with the same webhook-id, retrying it for another full window.");
        return api;
    }

    private static async Task<Results<Created<CreateSessionResponse>, ValidationProblem, ProblemHttpResult>> CreateSessionAsync(
        HttpRequest request,
        HostApiCaller caller,
        ISessionService sessions,
        IConnectionStore store,
        ProviderCatalog catalog,
        IOptions<EmbeddingOptions> embedding,
        IOptions<HostApplicationOptions> host,
        IOptions<HostApiOptions> options,
        IWebHostEnvironment environment,
        CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the body as application/json.", detail: "Set the Content-Type header to application/json.");
        }

        var (body, readProblem) = await ReadJsonAsync<CreateSessionRequest>(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (readProblem is not null)
        {
            return readProblem;
        }

        var validation = new CreateSessionRequestValidator(catalog, embedding.Value, allowHttpLoopback: environment.IsDevelopment(), environment.WebRootFileProvider).Validate(body!);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary().ToDictionary(e => CamelCase(e.Key), e => e.Value));
        }

        var allowed = body!.AllowedProviders?.Select(id => catalog.Find(id)!.Id).Distinct().ToArray();
        if (body.ReconnectConnectionId is { } reconnectId)
        {
            // The same answer whether the connection is missing or another end user's: the key holder learns nothing about others.
            var target = await store.FindAsync(reconnectId, cancellationToken);
            if (target is null || !caller.Owns(target.TenantId) || target.EndUserId != body.EndUserId)
            {
                return Invalid("reconnectConnectionId", "There is no connection with this id for this end user.");
            }

            if (allowed is not null && !allowed.Contains(target.ProviderId))
            {
                return Invalid("allowedProviders", $"The connection to reconnect is a '{target.ProviderId}' connection, which allowedProviders does not include.");
            }
        }

        var created = await sessions.CreateAsync(
            new NewSession(
                body.EndUserId!,
                body.EndUserEmail,
                allowed,
                body.RedirectUrl is null ? null : new Uri(body.RedirectUrl, UriKind.Absolute),
                body.ReconnectConnectionId,
                SupportedCultures.Find(body.Locale),
                TenantId: caller.TenantId)
            {
                Branding = body.Branding?.ToSessionBranding(),
            },
            cancellationToken);

        var connectUrl = new Uri(PublicBase(request, host.Value), $"connect?session={created.Token}");
        return TypedResults.Created((string?)null, new CreateSessionResponse(created.Token, connectUrl, created.Session.ExpiresAt));
    }

    private static async Task<Results<Ok<ConnectionListResponse>, ValidationProblem>> ListConnectionsAsync(
        HostApiCaller caller,
        string? endUserId,
        string? provider,
        IConnectionStore store,
        ProviderCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(endUserId))
        {
            return Invalid("endUserId", "endUserId is required: the API lists one end user's connections at a time.");
        }

        string? providerId = null;
        if (provider is not null)
        {
            providerId = catalog.Find(provider)?.Id;
            if (providerId is null)
            {
                return Invalid("provider", $"Unknown provider '{provider}'. Known providers: {string.Join(", ", catalog.All.Select(p => p.Id))}.");
            }
        }

        var found = await store.ListAsync(caller.TenantId, endUserId, providerId, cancellationToken);
        return TypedResults.Ok(new ConnectionListResponse(found.Select(ConnectionResponse.From).ToArray()));
    }

    private static async Task<Results<Ok<ConnectionResponse>, ProblemHttpResult>> GetConnectionAsync(
        Guid id, HostApiCaller caller, IConnectionStore store, CancellationToken cancellationToken) =>
        await FindOwnedAsync(id, caller, store, cancellationToken) is { } connection
            ? TypedResults.Ok(ConnectionResponse.From(connection))
            : NotFound(id);

    /// <summary>
    /// The connection when it is the caller's tenant's; null when there is none or it is another tenant's, so the answer
    /// (404) does not tell another tenant's connection from a missing one.
    /// </summary>
    private static async Task<SavedConnection?> FindOwnedAsync(Guid id, HostApiCaller caller, IConnectionStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } connection && caller.Owns(connection.TenantId) ? connection : null;

    private static async Task<Results<Ok<ConnectionCredentialsResponse>, ProblemHttpResult>> GetCredentialsAsync(
        Guid id, HostApiCaller caller, IConnectionStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var connection = await FindOwnedAsync(id, caller, store, cancellationToken);
        var credentials = connection is null ? null : await store.GetCredentialsAsync(id, cancellationToken);
        if (connection is null || credentials is null)
        {
            return NotFound(id);
        }

        // Secrets: no cache anywhere between us and the host backend may keep them.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ConnectionCredentialsResponse(connection.Id, connection.ProviderId, connection.EndUserId, credentials));
    }

    private static async Task<Results<Ok<VerificationResponse>, ProblemHttpResult>> VerifyConnectionAsync(
        Guid id, HostApiCaller caller, IConnectionStore store, IConnectionService connections, CancellationToken cancellationToken) =>
        await FindOwnedAsync(id, caller, store, cancellationToken) is not null
        && await connections.VerifyStoredAsync(id, VerificationTrigger.OnRequest, cancellationToken) is { } result
            ? TypedResults.Ok(new VerificationResponse(
                result.ConnectionId, result.ProviderId, result.IsVerified, result.OutcomeName, result.VerifiedAt, result.Problem?.Message, result.AccountLabel, result.Status))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteConnectionAsync(
        Guid id, HostApiCaller caller, IConnectionStore store, CancellationToken cancellationToken) =>
        await FindOwnedAsync(id, caller, store, cancellationToken) is not null && await store.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(id);

    private const int DefaultListLimit = 50;

    private static async Task<Results<Ok<ConnectionHistoryResponse>, ValidationProblem, ProblemHttpResult>> GetHistoryAsync(
        Guid id, int? limit, HostApiCaller caller, IConnectionStore store, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > WebhookDeliveries.MaxLimit)
        {
            return Invalid("limit", $"limit must be between 1 and {WebhookDeliveries.MaxLimit}.");
        }

        var connection = await FindOwnedAsync(id, caller, store, cancellationToken);
        var history = connection is null ? null : await store.HistoryAsync(id, limit ?? DefaultListLimit, cancellationToken);
        return connection is null || history is null
            ? NotFound(id)
            : TypedResults.Ok(new ConnectionHistoryResponse(id, connection.Status, history.Select(HistoryEntryResponse.From).ToArray()));
    }

    private static async Task<Results<Ok<WebhookDeliveryListResponse>, ValidationProblem>> ListDeliveriesAsync(
        string? status, int? limit, HostApiCaller caller, IWebhookDeliveries deliveries, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > WebhookDeliveries.MaxLimit)
        {
            return Invalid("limit", $"limit must be between 1 and {WebhookDeliveries.MaxLimit}.");
        }

        ConnectionEventDelivery? state = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ConnectionEventDelivery>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return Invalid("status", "status must be pending, delivered or failed.");
            }

            state = parsed;
        }

        var found = await deliveries.ListAsync(caller.TenantId, state, limit ?? DefaultListLimit, cancellationToken);
        return TypedResults.Ok(new WebhookDeliveryListResponse(found));
    }

    private static async Task<Results<Accepted<WebhookDelivery>, ProblemHttpResult>> ReplayDeliveryAsync(
        string id, HostApiCaller caller, IWebhookDeliveries deliveries, CancellationToken cancellationToken) =>
        await deliveries.ReplayAsync(caller.TenantId, id, cancellationToken) is { } replayed
            ? TypedResults.Accepted((string?)null, replayed)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such webhook event.", detail: $"No webhook event has the id {id}.");

    /// <summary>Reads at most <paramref name="maxBytes"/> and deserializes, turning every failure into a problem for the caller.</summary>
    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "The request body is too large.", detail: $"The host API accepts bodies of at most {maxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), RequestJson);
            return value is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid.", detail: "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var detail = exception.Path is null or "$"
                ? "The body is not valid JSON."
                : $"The body is not valid JSON, or has an unknown field or a value of the wrong type, at {exception.Path}.";
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid.", detail: detail));
        }
    }

    private static Uri PublicBase(HttpRequest request, HostApplicationOptions host)
    {
        var text = host.PublicBaseUrl?.AbsoluteUri ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such connection.", detail: $"No connection has the id {id}.");

    // "Branding.PrimaryColor" becomes "branding.primaryColor", as the JSON names it.
    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
