namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// One thing a correlation counts: a detection match on an event, or a hit of a nested correlation.
/// <paramref name="Field"/> resolves Sigma field names (a nested hit answers from its group values first).
/// </summary>
internal sealed record CorrelationInput(string RuleKey, string? RuleName, long Ticks, IReadOnlyList<string> EventIds, Func<string, string?> Field, bool FromCorrelation = false);
