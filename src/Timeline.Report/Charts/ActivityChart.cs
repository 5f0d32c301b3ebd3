using ScottPlot;
using Timeline.Report.Digest;

namespace Timeline.Report.Charts;

/// <summary>Events over time stacked by parser, with the attack steps of every chain marked as dashed lines in their phase's color.</summary>
internal static class ActivityChart
{
    public static ChartImage? Render(CaseDigest digest)
    {
        var plot = ChartStyle.NewPlot();
        var bins = StackedBars.Add(plot, digest.Pass.Activity, topSeries: 7);
        if (bins is null) return null;
        var marked = 0;
        foreach (var chain in digest.Chains)
        {
            foreach (var step in chain.Steps)
            {
                if (step.Ticks is not { } t) continue;
                var line = plot.Add.VerticalLine(ChartStyle.X(t));
                line.Color = PhaseColors.Of(step.Phase).WithAlpha(0.8);
                line.LineWidth = 1.5f;
                line.LinePattern = LinePattern.Dashed;
                marked++;
            }
        }
        plot.YLabel("events per " + bins.WidthText);
        plot.XLabel("time (UTC)");
        var caption = $"Bars: events per {bins.WidthText}, stacked by the parser that read them.";
        if (marked > 0) caption += $" Dashed lines: the {marked} attack steps, colored by phase.";
        if (digest.Pass.NotActivity > 0) caption += $" Not drawn: {digest.Pass.NotActivity:N0} entries timed only by their file's modification time or not timed at all.";
        return ChartStyle.Render(plot, "chart-activity", "Activity over time", caption);
    }
}
