using Timeline.Report.Digest;

namespace Timeline.Report.Charts;

/// <summary>Events per host and rule hits per host, side by side (their scales differ by orders of magnitude).</summary>
internal static class HostCharts
{
    private const int MaxHosts = 20;

    public static ChartImage? Events(CaseDigest digest)
    {
        if (digest.Hosts.Count == 0) return null;
        var items = digest.Hosts.Take(MaxHosts).Select(h => (h.Value, (double)h.Count, ChartStyle.Palette[0])).ToList();
        var plot = ChartStyle.NewPlot();
        CategoryBars.Add(plot, items);
        plot.XLabel("events");
        var more = digest.Hosts.Count > MaxHosts ? $" The {MaxHosts} busiest of {digest.Hosts.Count:N0} hosts are shown." : "";
        return ChartStyle.Render(plot, "chart-host-events", "Events per host", "How much evidence each host contributed." + more, 540, CategoryBars.HeightFor(items.Count));
    }

    public static ChartImage? Hits(CaseDigest digest)
    {
        if (digest.Pass.HitsByHost.Count == 0) return null;
        var items = digest.Pass.HitsByHost.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxHosts)
            .Select(kv => (kv.Key, (double)kv.Value, ChartStyle.Palette[3])).ToList();
        var plot = ChartStyle.NewPlot();
        CategoryBars.Add(plot, items);
        plot.XLabel("rule hits");
        return ChartStyle.Render(plot, "chart-host-hits", "Rule hits per host", "Detection rule matches on each host's events.", 540, CategoryBars.HeightFor(items.Count));
    }
}
