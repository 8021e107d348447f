namespace ConnectUi.Providers;

/// <summary>
/// Base of every provider's credential model: string properties read and written by field name,
/// so one form component serves every provider while validators stay strongly typed.
/// </summary>
public abstract class CredentialModel
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string this[string field]
    {
        get => _values.TryGetValue(RequireKnown(field), out var value) ? value : string.Empty;
        set => _values[RequireKnown(field)] = value ?? string.Empty;
    }

    /// <summary>The names of the model's fields, in form order.</summary>
    public abstract IReadOnlyList<string> FieldNames { get; }

    protected string Get([System.Runtime.CompilerServices.CallerMemberName] string field = "") => this[field];

    protected void Set(string? value, [System.Runtime.CompilerServices.CallerMemberName] string field = "") => this[field] = value ?? string.Empty;

    /// <summary>A copy of every value, used to restore the form or to store settings.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() =>
        FieldNames.ToDictionary(name => name, name => this[name], StringComparer.Ordinal);

    private string RequireKnown(string field) =>
        FieldNames.Contains(field) ? field : throw new ArgumentException($"Unknown credential field '{field}'.", nameof(field));

    /// <summary>Never prints values: credential models hold secrets.</summary>
    public override string ToString() => $"{GetType().Name} {{ {string.Join(", ", FieldNames)} }}";
}
