namespace ConnectUi.Providers;

/// <summary>One input of a provider's form, mirroring one credential of its guide.</summary>
public sealed record CredentialField
{
    /// <summary>Property name on the provider's <see cref="CredentialModel"/>.</summary>
    public required string Name { get; init; }

    // Texts are functions over the provider's resources: definitions are static, built once, and each read must follow
    // the UI culture of the request that shows them.
    public required Func<string> Label { get; init; }
    public required Func<string> HelpText { get; init; }
    public required Func<string> Placeholder { get; init; }

    /// <summary>Anchor of the guide step that explains where to find this value.</summary>
    public required string GuideStepAnchor { get; init; }

    /// <summary>
    /// The longest value the server accepts in this field, rendered as the input's <c>maxlength</c>: typing or pasting
    /// stops there, far below the circuit's message limit, and a longer value sent anyway gets the field's own message.
    /// </summary>
    public required int MaxLength { get; init; }

    /// <summary>Masked in the form, with a show/hide toggle.</summary>
    public bool IsMasked { get; init; }

    /// <summary>
    /// Stored encrypted and never shown again once submitted: passwords, keys, client ids, and the login names
    /// that go with them. Only non-secret settings (a hostname, an API version) are stored in clear.
    /// </summary>
    public bool IsSecret { get; init; }

    /// <summary>Values offered as suggestions while typing; any other value is still accepted.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Turns what the person typed or pasted into the stored value, with a note when it changed it.</summary>
    public Func<string, NormalizedValue> Normalize { get; init; } = NormalizedValue.Trimmed;

    /// <summary>HTML input mode hint for on-screen keyboards.</summary>
    public string InputMode { get; init; } = "text";
}

/// <summary>A field value after normalization, with a note for the person when it was rewritten.</summary>
public sealed record NormalizedValue(string Value, string? Note = null)
{
    public static NormalizedValue Trimmed(string raw) => new(raw.Trim());
}
