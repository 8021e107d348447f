namespace ConnectUi.Security.Headers;

/// <summary>
/// Which pages may frame the customer pages: the <c>frame-ancestors</c> sources. The embedding settings decide and
/// fill this in (AddEmbedding); without them only ConnectUi itself may.
/// </summary>
public sealed class FramingOptions
{
    public const string SelfOnly = "'self'";

    public string FrameAncestors { get; set; } = SelfOnly;

    public bool OnlySameOrigin => FrameAncestors == SelfOnly;

    /// <summary>Path prefixes whose pages are never framed, whatever <see cref="FrameAncestors"/> allows (the support console adds its own).</summary>
    public List<PathString> NeverFramed { get; } = [];

    public bool IsNeverFramed(PathString path) =>
        NeverFramed.Exists(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
