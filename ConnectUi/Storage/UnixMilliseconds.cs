using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConnectUi.Storage;

/// <summary>
/// Times that queries filter and sort by, stored as milliseconds since the Unix epoch: SQLite cannot compare
/// <see cref="DateTimeOffset"/> text, and a number compares the same way on SQLite and PostgreSQL.
/// </summary>
public static class UnixMilliseconds
{
    public static ValueConverter<DateTimeOffset, long> Converter { get; } =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public static ValueConverter<DateTimeOffset?, long?> NullableConverter { get; } =
        new(v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null, v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);
}
