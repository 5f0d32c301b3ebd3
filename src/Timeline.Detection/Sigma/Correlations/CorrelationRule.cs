namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// A Sigma correlation (meta) rule: aggregates the matches of other rules (referenced by <c>id</c> or
/// <c>name</c>, possibly other correlations) per group within a time window.
/// </summary>
public sealed class CorrelationRule
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string Title { get; init; }
    public required string Level { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required string Author { get; init; }
    public string Status { get; init; } = "";
    public required CorrelationType Type { get; init; }
    /// <summary>Referenced rules as written (ids or names), in order (the order matters for temporal_ordered).</summary>
    public required IReadOnlyList<string> RuleReferences { get; init; }
    public required IReadOnlyList<string> GroupBy { get; init; }
    public required TimeSpan Timespan { get; init; }
    /// <summary>Null for temporal types without a condition (all referenced rules must occur).</summary>
    public CorrelationCondition? Condition { get; init; }
    /// <summary>When false (default), referenced detection rules are not reported on their own.</summary>
    public bool Generate { get; init; }
    /// <summary>alias → (rule name or id → field name).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
    public required string Path { get; init; }
    public int Line { get; init; }
}
