using ScottPlot;
using Timeline.Core.Findings;

namespace Timeline.Report.Charts;

/// <summary>Movement between hosts: one lane per host, an arrow from the source host to the target at the time of the move.</summary>
internal static class LateralChart
{
    public static ChartImage? Render(IReadOnlyList<AttackChain> chains)
    {
        var links = chains.SelectMany(c => c.Lateral).Where(l => l.Ticks is not null).DistinctBy(l => (l.FromHost, l.ToHost, l.Ticks)).ToList();
        if (links.Count == 0) return null;
        var hosts = links.SelectMany(l => new[] { l.FromHost, l.ToHost }).Concat(chains.Select(c => c.Host))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lane = hosts.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => (double)(hosts.Count - 1 - x.i), StringComparer.Ordinal);
        var plot = ChartStyle.NewPlot();
        foreach (var link in links)
        {
            var x = ChartStyle.X(link.Ticks!.Value);
            var arrow = plot.Add.Arrow(new Coordinates(x, lane[link.FromHost]), new Coordinates(x, lane[link.ToHost]));
            arrow.ArrowFillColor = PhaseColors.Of(AttackPhase.Lateral);
            arrow.ArrowLineColor = PhaseColors.Of(AttackPhase.Lateral);
        }
        foreach (var chain in chains.Where(c => c.Entry?.Ticks is not null))
        {
            var m = plot.Add.Marker(ChartStyle.X(chain.Entry!.Ticks!.Value), lane[chain.Host]);
            m.Shape = MarkerShape.FilledDiamond;
            m.Size = 14;
            m.Color = PhaseColors.Of(AttackPhase.Entry);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(hosts.Select(h => new Tick(lane[h], ChartStyle.Label(h, 40))).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        ChartStyle.TimeAxis(plot);
        var times = links.Select(l => l.Ticks!.Value).Concat(chains.Select(c => c.Entry?.Ticks).OfType<long>()).ToList();
        ChartStyle.TimeLimits(plot, times, -0.7, hosts.Count - 0.3);
        plot.XLabel("time (UTC)");
        return ChartStyle.Render(plot, "chart-lateral", "Movement between hosts",
            "Arrows: the attacker moving from one host to another; diamonds: each host's break-in.", 1100, Math.Clamp(120 + hosts.Count * 50, 220, 600));
    }
}
