using Timeline.Report.Charts;

namespace Timeline.Report.Html.Sections;

/// <summary>The overview charts; each is an embedded SVG image with its title and caption.</summary>
internal static class ChartsSection
{
    public static void Write(HtmlOutput html, ChartImage? activity, ChartImage? failed, ChartImage? hostEvents, ChartImage? hostHits, ChartImage? levels)
    {
        html.Open("section", "card", "charts").Open("h2").Markup("Activity").Close("h2");
        if (activity is null) html.Open("p").Markup("No timed events: nothing to draw.").Close("p");
        else WriteChart(html, activity);
        if (failed is null) html.Open("p", "muted").Markup("No failed logins in the logs.").Close("p");
        else WriteChart(html, failed);
        html.Open("div", "pair");
        foreach (var chart in new[] { hostEvents, hostHits, levels })
            if (chart is not null) WriteChart(html, chart);
        html.Close("div");
        if (hostHits is null) html.Open("p", "muted").Markup("No rule hits to chart per host or by level.").Close("p");
        html.Close("section").Line();
    }

    public static void WriteChart(HtmlOutput html, ChartImage chart)
    {
        html.Open("figure", "chart", chart.Id);
        html.Open("h3").Text(chart.Title, 200).Close("h3");
        html.Open("img", attributes: [("src", chart.DataUri), ("width", chart.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("height", chart.Height.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("alt", chart.Title)]);
        html.Open("p").Text(chart.Caption, 1000).Close("p");
        html.Close("figure").Line();
    }
}
