namespace ConnectUi.HostApi;

/// <summary>The body of <c>POST /api/connect/sessions</c>.</summary>
public sealed record CreateSessionRequest
{
    /// <summary>The host's id of the person linking an account; the saved connection belongs to them.</summary>
    public string? EndUserId { get; init; }

    public string? EndUserEmail { get; init; }

    /// <summary>Provider ids the person may choose from; left out, every provider is offered.</summary>
    public IReadOnlyList<string>? AllowedProviders { get; init; }

    /// <summary>Where to send the person after connecting when ConnectUi was not opened in an iframe or popup.</summary>
    public string? RedirectUrl { get; init; }

    /// <summary>An existing connection of this end user whose credentials the person renews.</summary>
    public Guid? ReconnectConnectionId { get; init; }

    /// <summary>
    /// The language of the pages: <c>en</c>, <c>de</c>, <c>fr</c>, <c>es</c>, <c>ja</c> or <c>pt-BR</c>. Left out, the
    /// person's language choice or browser decides.
    /// </summary>
    public string? Locale { get; init; }
}

/// <summary>The answer to <c>POST /api/connect/sessions</c>: send the person to <paramref name="ConnectUrl"/> before <paramref name="ExpiresAt"/>.</summary>
public sealed record CreateSessionResponse(string Token, Uri ConnectUrl, DateTimeOffset ExpiresAt);
