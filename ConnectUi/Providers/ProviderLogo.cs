using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ConnectUi.Providers;

/// <summary>A provider's logo: an SVG kept in the provider's folder, served at <c>/providers/{provider id}.svg</c>.</summary>
public sealed class ProviderLogo
{
    public const string MediaType = "image/svg+xml";

    private ProviderLogo(byte[] svg)
    {
        Svg = svg;
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(svg))[..16]}\"");
    }

    public ReadOnlyMemory<byte> Svg { get; }

    /// <summary>Changes with the file, so browsers revalidate cheaply and never keep an old logo.</summary>
    public EntityTagHeaderValue ETag { get; }

    /// <summary>
    /// The SVG file <paramref name="fileName"/> in the folder of <paramref name="beside"/>, embedded in its assembly
    /// (ConnectUi.csproj embeds <c>Providers/*/*.svg</c>).
    /// </summary>
    public static ProviderLogo FromEmbeddedFile(Type beside, string fileName)
    {
        ArgumentNullException.ThrowIfNull(beside);
        var name = $"{beside.Namespace}.{fileName}";
        using var stream = beside.Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The logo '{name}' is not embedded in {beside.Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new ProviderLogo(copy.ToArray());
    }

    /// <summary>A logo written as SVG markup in code.</summary>
    public static ProviderLogo FromSvg(string markup) => new(System.Text.Encoding.UTF8.GetBytes(markup));

    /// <summary>Maps <c>GET /providers/{id}.svg</c> for every registered provider's logo.</summary>
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/providers/{id}.svg", (string id, ProviderCatalog catalog, HttpContext context) =>
            {
                if (catalog.Find(id) is not { } provider)
                {
                    return Results.NotFound();
                }

                // Revalidated on every use, as MapStaticAssets does for files without a fingerprint in their name.
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(provider.Logo.Svg, MediaType, entityTag: provider.Logo.ETag);
            })
            .ExcludeFromDescription();
        return endpoints;
    }
}
