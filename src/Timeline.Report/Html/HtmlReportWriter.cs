using System.Text;
using Timeline.Core.Store;
using Timeline.Report.Charts;
using Timeline.Report.Digest;
using Timeline.Report.Html.Sections;

namespace Timeline.Report.Html;

/// <summary>
/// The report as one self-contained HTML file: no fonts, scripts, styles or images are fetched
/// from anywhere (charts are SVG <c>data:</c> images rendered here with ScottPlot; the stylesheet and
/// script are inline and allowed by hash in a strict Content-Security-Policy). The story comes
/// first, then what the logs show, the charts, techniques and rules, the evidence and warnings, and
/// the events behind the findings. It summarises: its size does not grow with the number of events
/// beyond <see cref="ReportOptions.MaxTableEvents"/> table rows.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public string Format => "html";
    public string Extension => "html";
    public string Description => "one self-contained HTML file: the story, charts, indicators, evidence and events (default)";

    public void Write(ICaseStore store, Stream output, ReportOptions options)
    {
        var digest = CaseDigest.Build(store, options);
        options.Cancellation.ThrowIfCancellationRequested();
        var techniques = TechniqueUse.From(digest.Notes.AllMatches());
        var swimlanes = digest.Chains.Select(SwimlaneChart.Render).ToList();
        var lateral = LateralChart.Render(digest.Chains);
        var activity = ActivityChart.Render(digest);
        var failed = FailedLoginsChart.Render(digest);
        var hostEvents = HostCharts.Events(digest);
        var hostHits = HostCharts.Hits(digest);
        var levels = LevelChart.Render(digest);
        var techniqueChart = TechniqueChart.Render(techniques);

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var html = new HtmlOutput(writer);
        html.Markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Markup("<meta http-equiv=\"Content-Security-Policy\" content=\"").Markup(HtmlText.Attribute(ContentPolicy.For(ReportStyle.Css, ReportScript.Js), int.MaxValue)).Markup("\">\n");
        html.Markup("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Markup("<meta name=\"generator\" content=\"Timeline\">\n");
        html.Markup("<title>Intrusion report – ").Text(Path.GetFileName(digest.CasePath), 200).Markup("</title>\n");
        html.Markup("<style>").Markup(ReportStyle.Css).Markup("</style>\n</head>\n<body>\n");
        HeaderSection.Write(html, digest);
        html.Markup("<main>\n");
        StorySection.Write(html, digest, swimlanes, lateral);
        OverviewSection.Write(html, digest);
        ChartsSection.Write(html, activity, failed, hostEvents, hostHits, levels);
        AttackSection.Write(html, digest, techniques, techniqueChart);
        EvidenceSection.Write(html, digest);
        EventTableSection.Write(html, digest);
        html.Markup("</main>\n<script>").Markup(ReportScript.Js).Markup("</script>\n</body>\n</html>\n");
        writer.Flush();
    }
}
