using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ConnectUi.Sessions;

/// <summary>Session tokens: 256 random bits, base64url, stored only as their SHA-256 hash.</summary>
public static class SessionToken
{
    public const int ByteLength = 32;

    /// <summary>Length of a token's text: 32 bytes in base64url without padding.</summary>
    public const int TextLength = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));

    /// <summary>Lower-case hex SHA-256 of the token's text.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Cheap shape check, so a made-up value never reaches the database.</summary>
    public static bool HasValidShape(string? token) =>
        token is { Length: TextLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
