namespace Timeline.Detection.Sigma;

/// <summary>Sigma levels in rising order; unknown levels rank as informational.</summary>
public static class RuleLevels
{
    public static readonly IReadOnlyList<string> Ordered = ["informational", "low", "medium", "high", "critical"];

    public static int Rank(string? level)
    {
        var i = level is null ? -1 : Ordered.ToList().FindIndex(l => string.Equals(l, level, StringComparison.OrdinalIgnoreCase));
        return Math.Max(i, 0);
    }

    public static bool IsKnown(string level) => Ordered.Contains(level.ToLowerInvariant());
}
