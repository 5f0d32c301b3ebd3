using System.Globalization;
using Timeline.Core.Store;
using Timeline.Report.Digest;

namespace Timeline.Report.Html.Sections;

/// <summary>
/// Chain of custody: every ingested file with its SHA-256, parser, counts, time range, how its
/// times were known and where its host name came from; then the warnings (first 1,000).
/// </summary>
internal static class EvidenceSection
{
    public static void Write(HtmlOutput html, CaseDigest d)
    {
        html.Open("section", "card", "evidence").Open("h2").Markup("Evidence (chain of custody)").Close("h2");
        html.Open("p").Markup("Every file read into the case. The SHA-256 is of the bytes on disk at ingest; the case was never written back to the evidence.").Close("p");
        html.Open("table", "files").Markup("<thead><tr><th>file</th><th>SHA-256</th><th>parser</th><th class=\"num\">events</th><th class=\"num\">warnings</th><th>first (UTC)</th><th>last (UTC)</th><th>how its times were known</th><th>host</th></tr></thead><tbody>");
        foreach (var f in d.Files)
        {
            var quality = string.Join(", ", f.EventsByTimeQuality.OrderByDescending(kv => kv.Value).Select(kv => kv.Key + " " + ReportTime.Count(kv.Value)));
            html.Open("tr", id: EvidenceLinks.FileAnchor(f.Sha256));
            html.Open("td").Open("span", "mono").Text(f.Path, 1000).Close("span");
            if (f.State != EvidenceState.Complete) html.Markup(" <strong>(incomplete: ingest was interrupted)</strong>");
            // Same bytes found under other paths: one evidence file, its events stored once; every path is listed (up to 20 here).
            foreach (var other in f.OtherPaths.Take(20)) html.Open("br").Open("span", "muted").Markup("same bytes also at ").Open("span", "mono").Text(other, 1000).Close("span").Close("span");
            if (f.OtherPathCount > 20) html.Open("br").Open("span", "muted").Markup($"and at {ReportTime.Count(f.OtherPathCount - 20)} more paths (timeline stats --format json lists them)").Close("span");
            html.Open("br").Open("span", "muted").Markup(ReportTime.Count(f.Size) + " bytes, modified ").Text(ReportTime.Of(f.ModifiedTicks)).Close("span").Close("td");
            html.Open("td").Open("code").Text(f.Sha256, 64).Close("code").Close("td");
            html.Element("td", string.IsNullOrEmpty(f.Parser) ? f.Format : f.Parser, max: 100);
            html.Element("td", ReportTime.Count(f.Events), "num").Element("td", ReportTime.Count(f.Warnings), "num");
            html.Element("td", ReportTime.Cell(f.FirstTicks), "t").Element("td", ReportTime.Cell(f.LastTicks), "t");
            html.Element("td", quality, max: 300).Element("td", f.HostNote, max: 300);
            html.Close("tr");
        }
        html.Markup("</tbody>").Close("table");
        html.Close("section").Line();

        html.Open("section", "card", "warnings").Open("h2").Markup("Warnings").Close("h2");
        if (d.WarningCount == 0) html.Open("p").Markup("No warnings: every line of every recognised file was read.").Close("p");
        else
        {
            html.Open("p").Markup($"{ReportTime.Count(d.WarningCount)} warnings: input that was damaged, unrecognised or cut. ")
                .Markup(d.WarningCount > d.Warnings.Count ? $"The first {ReportTime.Count(d.Warnings.Count)} are listed; <code>timeline stats</code> lists more." : "").Close("p");
            html.Open("table").Markup("<thead><tr><th>file</th><th>at</th><th>warning</th><th>excerpt</th></tr></thead><tbody>");
            foreach (var w in d.Warnings)
                html.Open("tr").Open("td").Open("span", "mono").Text(w.File, 500).Close("span").Close("td")
                    .Element("td", w.Kind + " " + w.Position.ToString(CultureInfo.InvariantCulture), max: 60).Element("td", w.Message, max: 500)
                    .Open("td", "msg").Text(w.Excerpt, 300).Close("td").Close("tr");
            html.Markup("</tbody>").Close("table");
        }
        html.Close("section").Line();
    }
}
