using ConnectUi.Branding;

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

    /// <summary>The host's brand for this session's pages; each part left out keeps the installation's.</summary>
    public BrandingRequest? Branding { get; init; }
}

/// <summary>The <c>branding</c> object of a session request.</summary>
public sealed record BrandingRequest
{
    /// <summary>Shown in the app bar and page titles, and as the application the person goes back to (at most 60 characters).</summary>
    public string? ProductName { get; init; }

    /// <summary>A base64 data URL of an SVG, PNG, JPEG or WebP image of at most 10 KB, or the path of an image shipped in the installation's wwwroot.</summary>
    public string? Logo { get; init; }

    /// <summary>Primary colour of the light theme, #rrggbb, with at least 4.5:1 contrast with its text and with a white page.</summary>
    public string? PrimaryColor { get; init; }

    /// <summary>Primary colour of the dark theme, #rrggbb, with at least 4.5:1 contrast with its text and with the dark page.</summary>
    public string? PrimaryColorDark { get; init; }

    public SessionBranding ToSessionBranding() => new(ProductName?.Trim(), Logo, PrimaryColor, PrimaryColorDark);
}

/// <summary>The answer to <c>POST /api/connect/sessions</c>: send the person to <paramref name="ConnectUrl"/> before <paramref name="ExpiresAt"/>.</summary>
public sealed record CreateSessionResponse(string Token, Uri ConnectUrl, DateTimeOffset ExpiresAt);
