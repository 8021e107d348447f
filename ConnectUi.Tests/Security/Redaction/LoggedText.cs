using System.Collections;
using Microsoft.Extensions.Logging.Testing;

namespace ConnectUi.Tests.Security.Redaction;

/// <summary>Everything a log sink could print of the captured records: messages, exceptions, structured values and scopes.</summary>
public static class LoggedText
{
    public static IReadOnlyList<string> Of(FakeLogCollector logs) => logs.GetSnapshot().SelectMany(record =>
        new[] { record.Message, record.Exception?.ToString(), record.State?.ToString() }
            .Concat(record.StructuredState?.SelectMany(p => new[] { p.Key, p.Value }) ?? [])
            .Concat(record.Scopes.SelectMany(ScopeText)))
        .OfType<string>()
        .ToArray();

    private static IEnumerable<string?> ScopeText(object? scope)
    {
        yield return scope?.ToString();
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                yield return key;
                yield return value is IEnumerable sequence and not string ? string.Join(",", sequence.Cast<object?>()) : value?.ToString();
            }
        }
    }
}
