using System.Security.Cryptography;

namespace ConnectUi.Journeys;

/// <summary>
/// The code a customer reads out on the phone: six characters shown as <c>XXX-XXX</c>, from an alphabet without
/// look-alikes (no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V), so it survives being spoken, heard and typed.
/// </summary>
public static class SupportCode
{
    public const string Alphabet = "ACEFGHJKMNPRTWXY34679";
    public const int Length = 6;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The stored form as shown: <c>ABC-123</c>.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..3]}-{code[3..]}" : code;

    /// <summary>
    /// What staff typed, as stored: upper-cased, dash and spaces dropped. Null when it cannot be a code, so a lookup
    /// never runs with a malformed value.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var compact = new string(typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return compact.Length == Length && compact.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? compact : null;
    }
}
