using Timeline.Report.Digest;

namespace Timeline.Report.Charts;

/// <summary>Failed logins over time stacked by source address: a brute force shows as a wall of one color.</summary>
internal static class FailedLoginsChart
{
    public static ChartImage? Render(CaseDigest digest)
    {
        var plot = ChartStyle.NewPlot();
        var bins = StackedBars.Add(plot, digest.Pass.FailedLogins, topSeries: 8);
        if (bins is null) return null;
        plot.YLabel("failed logins per " + bins.WidthText);
        plot.XLabel("time (UTC)");
        var total = digest.Pass.FailedLogins.Values.Sum();
        var sources = digest.Pass.FailedLogins.Keys.Select(k => k.Source).Distinct(StringComparer.Ordinal).Count();
        return ChartStyle.Render(plot, "chart-failed-logins", "Failed logins per source address",
            $"{total:N0} failed logins from {sources:N0} source addresses, per {bins.WidthText}; the 8 busiest sources are named.");
    }
}
