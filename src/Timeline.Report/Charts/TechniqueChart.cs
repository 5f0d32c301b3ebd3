using Timeline.Report.Digest;

namespace Timeline.Report.Charts;

/// <summary>ATT&amp;CK techniques seen in rule hits, most frequent first.</summary>
internal static class TechniqueChart
{
    private const int Max = 15;

    public static ChartImage? Render(IReadOnlyList<TechniqueUse> techniques)
    {
        if (techniques.Count == 0) return null;
        var items = techniques.Take(Max).Select(t => (t.Id, (double)t.Hits, ChartStyle.Palette[6])).ToList();
        var plot = ChartStyle.NewPlot();
        CategoryBars.Add(plot, items);
        plot.XLabel("rule hits");
        return ChartStyle.Render(plot, "chart-techniques", "ATT&CK techniques seen", "Techniques named by the tags of the rules that matched.", 540, CategoryBars.HeightFor(items.Count));
    }
}
