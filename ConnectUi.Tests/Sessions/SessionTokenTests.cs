using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ConnectUi.Sessions;

namespace ConnectUi.Tests.Sessions;

public sealed class SessionTokenTests
{
    [Fact]
    public void A_token_is_256_random_bits_in_base64url()
    {
        var token = SessionToken.Create();

        Assert.Equal(SessionToken.TextLength, token.Length);
        Assert.Equal(32, Base64Url.DecodeFromChars(token).Length);
        Assert.True(SessionToken.HasValidShape(token));
        Assert.NotEqual(token, SessionToken.Create());
    }

    [Fact]
    public void The_hash_is_lower_case_hex_sha256_of_the_token_text()
    {
        const string token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), SessionToken.Hash(token));
        Assert.Equal(64, SessionToken.Hash(token).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP=")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO/Q")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR")]
    public void Values_that_cannot_be_a_token_are_recognised_without_a_lookup(string? value) =>
        Assert.False(SessionToken.HasValidShape(value));
}
