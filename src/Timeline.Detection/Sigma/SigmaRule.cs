using Timeline.Detection.Sigma.Conditions;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma;

/// <summary>A loaded, compiled Sigma detection rule. Immutable; safe to share across engines.</summary>
public sealed class SigmaRule
{
    public required string Id { get; init; }
    /// <summary>Optional <c>name</c>, used by correlation rules to reference this rule.</summary>
    public string? Name { get; init; }
    public required string Title { get; init; }
    public required string Level { get; init; }
    public string Status { get; init; } = "";
    public string Description { get; init; } = "";
    public required IReadOnlyList<string> Tags { get; init; }
    public required string Author { get; init; }
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public required LogSource LogSource { get; init; }
    public required IEventPredicate Detection { get; init; }
    /// <summary>The deprecated <c>| count() by x &gt; n</c> suffix, if the condition had one.</summary>
    public Aggregation? Aggregation { get; init; }
    /// <summary><c>detection.timeframe</c>, used by <see cref="Aggregation"/>.</summary>
    public TimeSpan? Timeframe { get; init; }
    public required string Path { get; init; }
    /// <summary>1-based line where the rule's document starts.</summary>
    public int Line { get; init; }

    public override string ToString() => $"{Title} ({Id})";
}
