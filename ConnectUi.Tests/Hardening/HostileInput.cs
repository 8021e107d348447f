using System.Collections.Immutable;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using CsCheck;

namespace ConnectUi.Tests.Hardening;

/// <summary>What people (and attackers) put into credential fields, as CsCheck generators.</summary>
public static class HostileInput
{
    public const int HugeLength = 100 * 1024;

    /// <summary>Fragments known to break naive code: markup, script, SQL, form and header syntax, invisible and odd Unicode.</summary>
    public static IReadOnlyList<string> Fragments { get; } =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "javascript:alert(1)",
        "'; DROP TABLE Connections; --", "' OR '1'='1", "\"", "'", "`", "&", "&amp;", "+", "=", "%", "%00", "%0d%0a",
        ":", "@", "/", "\\", "../", "?", "#", "{{7*7}}", "${jndi:x}", "\0", "\r\n", "\n", "\r", "\t", " ", "\u00a0",
        "\u200b", "\u202e", "\ufeff", "\u0085", "\u2028", "\ud800", "\udc00", "😀", "𝔘𝔫𝔦", "ü", "İ", "ß", "١٢٣", "０",
        "\u0301", "a", "Z", "9", "-", ".", "_", "acme", "acme+Key1", "api-na.myconnectwise.net", "2025.1",
        "3fa85f64-5717-4562-b3fc-2c963f66afa6", "{3fa85f64-5717-4562-b3fc-2c963f66afa6}",
    ];

    /// <summary>The fragments that could turn into markup, or break it, when rendered.</summary>
    public static IReadOnlyList<string> MarkupFragments { get; } =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "'><iframe src=javascript:alert(1)>",
        "</textarea></pre><b>bold</b>", "&lt;script&gt;", "&#60;img&#62;", "\0", "\u202e", "'; DROP TABLE Connections; --",
    ];

    private static readonly Gen<string> Fragment = Gen.OneOf([.. Fragments]);

    private static readonly Gen<string> AnyUnicode = Gen.Char['\0', '\uffff'].Array[0, 64].Select(chars => new string(chars));

    private static readonly Gen<string> Whitespace = Gen.OneOf("", " ", "  ", "\t", "\r\n", "\n", "\u00a0", "\u3000");

    /// <summary>Several fragments and random characters glued together.</summary>
    private static readonly Gen<string> Mixed =
        Gen.Frequency((3, Fragment), (1, AnyUnicode), (1, Gen.String)).Array[1, 8].Select(parts => string.Concat(parts));

    /// <summary>Around 100 KB, built from a repeated piece rather than random characters so generating it stays cheap.</summary>
    private static readonly Gen<string> Huge =
        Gen.Select(Gen.Frequency((3, Fragment), (1, AnyUnicode.Where(s => s.Length > 0))), Gen.Int[0, 16])
            .Select((piece, extra) => string.Concat(Enumerable.Repeat(piece, (HugeLength / Math.Max(piece.Length, 1)) + extra)));

    public static Gen<string> AnyString { get; } =
        Gen.Select(
                Whitespace,
                Gen.Frequency((10, Mixed), (6, AnyUnicode), (4, Gen.String), (1, Huge)),
                Whitespace)
            .Select((lead, body, trail) => lead + body + trail);

    /// <summary>A value the form would accept for the field, so some models pass and reach the later properties.</summary>
    public static Gen<string> Plausible(string providerId, string field) => (providerId, field) switch
    {
        (KonnektiveProvider.Id, nameof(KonnektiveCredentials.ApiLoginId)) => Chars("abcdefghijklmnopqrstuvwxyz0123456789_.-@", 1, 40),
        (KonnektiveProvider.Id, _) => Chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%*()-_=+[]{}<>'\";:,./? ", 1, 60),
        (_, nameof(ConnectWisePsaCredentials.Hostname)) => Gen.OneOf([.. ConnectWisePsaProvider.CloudHostnames, "cw.example.com"]),
        (_, nameof(ConnectWisePsaCredentials.ApiVersion)) => Gen.Select(Gen.Int[1990, 2099], Gen.Int[1, 999]).Select((y, r) => $"{y}.{r}"),
        (_, nameof(ConnectWisePsaCredentials.ClientId)) => Gen.Guid.Select(g => g.ToString()),
        (_, nameof(ConnectWisePsaCredentials.Username)) => Gen.Select(Chars("abcdefghijklmnopqrstuvwxyzABC0123456789_-", 1, 20), Chars("abcdefghijklmnopqrstuvwxyzXYZ0123456789+", 1, 30))
            .Select((company, key) => $"{company}+{key}"),
        _ => Chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*()-_=+<>'\";/ ", 1, 60),
    };

    /// <summary>A field value: plausible, plausible with a hostile fragment stuck on, or anything at all.</summary>
    public static Gen<string> FieldValue(string providerId, string field) =>
        Gen.Frequency(
            (4, Plausible(providerId, field)),
            (3, Gen.Select(Plausible(providerId, field), Fragment, Gen.Bool).Select((value, fragment, before) => before ? fragment + value : value + fragment)),
            (3, AnyString));

    private static Gen<string> Chars(string alphabet, int min, int max) => Gen.Char[alphabet].Array[min, max].Select(chars => new string(chars));

    /// <summary>
    /// A provider's credential model: all plausible, plausible but for one field, or every field from <see cref="FieldValue"/>,
    /// so that both accepted and refused models come up often.
    /// </summary>
    public static Gen<CredentialModel> Model(ProviderDefinition provider)
    {
        var fields = provider.CreateModel().FieldNames;
        Gen<ImmutableList<string>> Values(Func<string, int, Gen<string>> valueOf) => fields.Select((field, index) => (field, index)).Aggregate(
            Gen.Const(ImmutableList<string>.Empty),
            (generated, f) => Gen.Select(generated, valueOf(f.field, f.index), (list, value) => list.Add(value)));

        var values = Gen.Frequency(
            (1, Values((field, _) => Plausible(provider.Id, field))),
            (2, Gen.Int[0, fields.Count - 1].SelectMany(hostile => Values((field, index) => index == hostile ? FieldValue(provider.Id, field) : Plausible(provider.Id, field)))),
            (2, Values((field, _) => FieldValue(provider.Id, field))));
        return values.Select(values =>
        {
            var model = provider.CreateModel();
            foreach (var (field, value) in fields.Zip(values))
            {
                model[field] = value;
            }

            return model;
        });
    }

    /// <summary>Readable in a failure report: lengths, and the first characters escaped, never a 100 KB dump.</summary>
    public static string Describe(string value) =>
        $"[{value.Length}] \"{string.Concat(value.Take(80).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()))}\"";

    public static string Describe(CredentialModel model) =>
        string.Join(", ", model.FieldNames.Select(f => $"{f}={Describe(model[f])}"));
}
