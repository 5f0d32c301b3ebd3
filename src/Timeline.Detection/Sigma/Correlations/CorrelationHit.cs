namespace Timeline.Detection.Sigma.Correlations;

/// <summary>A correlation that matched: its rule, the events that made it (most recent, bounded), time, and group values.</summary>
public sealed record CorrelationHit(CorrelationRule Rule, IReadOnlyList<string> EventIds, long Ticks, IReadOnlyDictionary<string, string?> GroupValues);
