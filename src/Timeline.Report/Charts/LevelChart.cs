using Timeline.Core.Vocabulary;
using ScottPlot;
using Timeline.Report.Digest;

namespace Timeline.Report.Charts;

/// <summary>Rule hits by Sigma level, from informational to critical.</summary>
internal static class LevelChart
{
    // Most severe first.
    private static readonly (string Level, string Color)[] Levels = [.. RuleLevels.All.Reverse().Select(l => (l.Name, l.Colour))];

    public static ChartImage? Render(CaseDigest digest)
    {
        if (digest.MatchCount == 0) return null;
        var byLevel = digest.Rules.GroupBy(r => r.Rule.Level.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double)g.Sum(r => r.Hits), StringComparer.Ordinal);
        var items = Levels.Select(l => (l.Level, byLevel.GetValueOrDefault(l.Level), Color.FromHex(l.Color))).ToList();
        foreach (var (level, n) in byLevel.Where(kv => Levels.All(l => l.Level != kv.Key))) items.Add((level, n, Color.FromHex(RuleLevels.UnknownColour)));
        var plot = ChartStyle.NewPlot();
        CategoryBars.Add(plot, items);
        plot.XLabel("rule hits");
        return ChartStyle.Render(plot, "chart-levels", "Rule hits by level", "How severe the matched detection rules consider what they saw.", 540, CategoryBars.HeightFor(items.Count));
    }
}
