using ScottPlot;
using Timeline.Report.Digest;

namespace Timeline.Report.Charts;

/// <summary>
/// Counts per (minute, series) drawn as bars stacked by series over regular time bins: the top
/// series by total keep their names, the rest are summed as "other".
/// </summary>
internal static class StackedBars
{
    public static TimeBins? Add(Plot plot, IReadOnlyDictionary<(long Minute, string Series), long> counts, int topSeries)
    {
        if (counts.Count == 0) return null;
        var first = counts.Keys.Min(k => k.Minute) * TimeSpan.TicksPerMinute;
        var last = counts.Keys.Max(k => k.Minute) * TimeSpan.TicksPerMinute;
        var bins = TimeBins.Cover(first, last);
        var totals = counts.GroupBy(kv => kv.Key.Series, StringComparer.Ordinal)
            .Select(g => (Series: g.Key, Total: g.Sum(kv => kv.Value)))
            .OrderByDescending(s => s.Total).ThenBy(s => s.Series, StringComparer.Ordinal).ToList();
        var named = totals.Take(topSeries).Select(s => s.Series).ToList();
        var hasOther = totals.Count > topSeries;
        var seriesCount = named.Count + (hasOther ? 1 : 0);
        var index = named.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var grid = new double[bins.Count, seriesCount];
        foreach (var ((minute, series), n) in counts)
        {
            var s = index.TryGetValue(series, out var i) ? i : seriesCount - 1;
            grid[bins.IndexOf(minute * TimeSpan.TicksPerMinute), s] += n;
        }
        var bars = new List<Bar>();
        var width = ChartStyle.Width(bins.WidthTicks);
        for (var b = 0; b < bins.Count; b++)
        {
            double top = 0;
            for (var s = 0; s < seriesCount; s++)
            {
                if (grid[b, s] == 0) continue;
                bars.Add(new Bar
                {
                    Position = ChartStyle.X(bins.StartOf(b)) + width / 2,
                    ValueBase = top,
                    Value = top + grid[b, s],
                    Size = width * 0.9,
                    FillColor = ChartStyle.Palette[s % ChartStyle.Palette.Length],
                    LineWidth = 0,
                });
                top += grid[b, s];
            }
        }
        plot.Add.Bars(bars);
        for (var s = 0; s < seriesCount; s++)
        {
            var name = s < named.Count ? ChartStyle.Label(named[s]) : "other";
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = ChartStyle.Palette[s % ChartStyle.Palette.Length] });
        }
        ChartStyle.TimeAxis(plot);
        plot.Axes.Margins(bottom: 0);
        if (bins.Count < 12)
        {
            // A burst inside one or two bins would otherwise be stretched over the whole width.
            var pad = (12 - bins.Count) / 2.0 * width;
            var top = bars.Count == 0 ? 1 : bars.Max(b => b.Value) * 1.1;
            plot.Axes.SetLimits(ChartStyle.X(bins.StartTicks) - pad, ChartStyle.X(bins.StartOf(bins.Count)) + pad, 0, top);
        }
        plot.ShowLegend(Alignment.UpperLeft);
        return bins;
    }
}
