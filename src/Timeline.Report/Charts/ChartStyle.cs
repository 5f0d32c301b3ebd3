using System.Text;
using ScottPlot;
using Timeline.Report.Html;

namespace Timeline.Report.Charts;

/// <summary>
/// The look shared by all charts and the one place that renders them. ScottPlot 5 draws no text at
/// all when its font is missing, silently; the report therefore names a font that the Debian
/// package <c>fonts-dejavu-core</c> installs, and a test proves that chart text is drawn.
/// </summary>
internal static class ChartStyle
{
    public const string FontName = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _configured;

    public static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"),
        Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"), Color.FromHex("#bcbd22"),
        Color.FromHex("#7f7f7f"),
    ];

    public static Plot NewPlot()
    {
        lock (Gate)
        {
            if (!_configured)
            {
                Fonts.Default = FontName;
                _configured = true;
            }
        }
        var plot = new Plot();
        plot.Font.Set(FontName);
        return plot;
    }

    /// <summary>Evidence used as a chart label: made visible (no control or bidi characters) and short. The SVG is XML-escaped by the renderer and shown as an image.</summary>
    public static string Label(string? evidence, int max = 32) => HtmlText.Shown(evidence, max);

    public static ChartImage Render(Plot plot, string id, string title, string caption, int width = 1100, int height = 360)
    {
        var svg = plot.GetSvgXml(width, height);
        var uri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        return new ChartImage(id, title, caption, uri, width, height);
    }

    /// <summary>A UTC time axis at the bottom with ISO dates (<c>2024-03-02</c> over <c>03:15</c>), whatever the machine's culture.</summary>
    public static void TimeAxis(Plot plot)
    {
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic { LabelFormatter = TimeLabel };
    }

    private static string TimeLabel(DateTime t)
    {
        var day = t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (t.TimeOfDay == TimeSpan.Zero) return day;
        return day + "\n" + t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>X limits around the given instants with some room either side (at least 5 minutes), so one mark is not stretched or lost.</summary>
    public static void TimeLimits(Plot plot, IReadOnlyCollection<long> ticks, double yMin, double yMax)
    {
        var lo = ticks.Min();
        var hi = ticks.Max();
        var pad = Math.Max((hi - lo) / 20, TimeSpan.FromMinutes(5).Ticks);
        plot.Axes.SetLimits(X(lo - pad), X(hi + pad), yMin, yMax);
    }

    /// <summary>The instant as ScottPlot's DateTime axis expects it (OLE automation date, UTC).</summary>
    public static double X(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToOADate();

    /// <summary>A width in ticks as a width on the DateTime axis (days).</summary>
    public static double Width(long ticks) => TimeSpan.FromTicks(ticks).TotalDays;
}
