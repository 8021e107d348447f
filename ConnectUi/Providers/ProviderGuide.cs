namespace ConnectUi.Providers;

/// <summary>A provider's step-by-step setup guide, written in our words after the provider's own docs.</summary>
public sealed record ProviderGuide
{
    /// <summary>One sentence on what the guide helps the person do.</summary>
    public required string Summary { get; init; }

    /// <summary>The credentials the person needs, in form order ("What you need").</summary>
    public required IReadOnlyList<GuideItem> WhatYouNeed { get; init; }

    public required IReadOnlyList<string> Prerequisites { get; init; }
    public required IReadOnlyList<GuideStep> Steps { get; init; }
}

/// <summary>A named item with a short explanation.</summary>
public sealed record GuideItem(string Name, string Explanation);

/// <summary>One numbered step; its anchor is stable so links and support staff can point at it.</summary>
public sealed record GuideStep
{
    public required string Anchor { get; init; }
    public required string Title { get; init; }

    /// <summary>The actions of the step, in order. Text between backticks renders as code.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>Warnings the provider's docs give for this step.</summary>
    public IReadOnlyList<string> Pitfalls { get; init; } = [];

    /// <summary>Values the person may copy (for example cloud hostnames).</summary>
    public IReadOnlyList<string> CopyableValues { get; init; } = [];

    /// <summary>When set, the step lists the server's outbound IP addresses for an allow-list.</summary>
    public bool ShowsEgressIps { get; init; }
}
