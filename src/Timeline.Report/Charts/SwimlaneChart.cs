using Timeline.Core.Output;
using Timeline.Core.Vocabulary;
using ScottPlot;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Report.Charts;

/// <summary>
/// The chain of one host as swimlanes: one lane per phase, one mark per step at its time (filled
/// when the time is exact, hollow when it was inferred, assumed or taken from a file's mtime), the
/// entry point as a star and the start of mining as a green line.
/// </summary>
internal static class SwimlaneChart
{
    public static ChartImage? Render(AttackChain chain, int index)
    {
        var timed = chain.Steps.Where(s => s.Ticks is not null).ToList();
        // A file's mtime can be the copy or collection time, years after the incident: such marks
        // would squash the chain into one pixel. They stay in the table; the chart shows the rest.
        var own = timed.Where(s => !s.TimeQuality.HasFlag(TimeQuality.FileMtime)).Select(s => s.Ticks!.Value).ToList();
        var farMtime = 0;
        if (own.Count > 0)
        {
            var (lo, hi) = (own.Min(), own.Max());
            var slack = Math.Max(hi - lo, TimeSpan.TicksPerHour);
            farMtime = timed.RemoveAll(s => s.TimeQuality.HasFlag(TimeQuality.FileMtime) && (s.Ticks < lo - slack || s.Ticks > hi + slack));
        }
        if (timed.Count == 0 && chain.Entry?.Ticks is null) return null;
        var plot = ChartStyle.NewPlot();
        var phases = PhaseTable.All.Select(d => d.Phase).ToArray();
        var ticks = phases.Select((p, i) => new Tick(phases.Length - 1 - i, PhaseTable.Of(p).Title)).ToArray();
        foreach (var step in timed)
        {
            var y = phases.Length - 1 - Array.IndexOf(phases, step.Phase);
            var marker = plot.Add.Marker(ChartStyle.X(step.Ticks!.Value), y);
            marker.Color = PhaseColors.Of(step.Phase);
            marker.Size = 13;
            marker.Shape = step.TimeQuality == TimeQuality.Exact ? MarkerShape.FilledCircle : MarkerShape.OpenCircle;
            marker.LineWidth = 2;
        }
        if (chain.Entry?.Ticks is { } entry)
        {
            var star = plot.Add.Marker(ChartStyle.X(entry), phases.Length - 1);
            star.Shape = MarkerShape.FilledDiamond;
            star.Size = 16;
            star.Color = PhaseColors.Of(AttackPhase.Entry);
        }
        if (chain.MiningStartTicks is { } mining)
        {
            var line = plot.Add.VerticalLine(ChartStyle.X(mining));
            line.Color = PhaseColors.Of(AttackPhase.Mining);
            line.LineWidth = 2;
            line.LabelText = "mining starts";
            line.LabelFontName = ChartStyle.FontName;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        ChartStyle.TimeAxis(plot);
        var times = timed.Select(s => s.Ticks!.Value).Concat(new[] { chain.Entry?.Ticks, chain.MiningStartTicks }.OfType<long>()).ToList();
        ChartStyle.TimeLimits(plot, times, -0.7, phases.Length - 0.3);
        plot.XLabel("time (UTC)");
        var untimed = chain.Steps.Count - timed.Count - farMtime;
        var caption = "Each mark is one step of the attack on this host, in the lane of its phase. Filled: exact time; hollow: time inferred or taken from a file's modification time; diamond: the break-in.";
        if (untimed > 0) caption += $" {untimed} step(s) have no time and are listed in the table only.";
        if (farMtime > 0) caption += $" {farMtime} step(s) timed only by a file modification time far from the rest of the attack are listed in the table only.";
        return ChartStyle.Render(plot, $"chart-swimlane-{index}", "Attack chain on " + ChartStyle.Label(chain.Host, 60), caption, 1100, 330);
    }
}
