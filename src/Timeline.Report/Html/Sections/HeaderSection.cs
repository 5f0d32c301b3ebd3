using Timeline.Report.Digest;

namespace Timeline.Report.Html.Sections;

/// <summary>The title bar and the table of contents.</summary>
internal static class HeaderSection
{
    public static void Write(HtmlOutput html, CaseDigest d)
    {
        var first = d.Files.Where(f => f.FirstTicks is not null).Select(f => f.FirstTicks).Min();
        var last = d.Files.Where(f => f.LastTicks is not null).Select(f => f.LastTicks).Max();
        html.Open("header", "top");
        html.Open("h1").Markup("Intrusion report").Close("h1");
        html.Open("p").Markup("Case ").Text(d.CasePath, 300).Markup(" · generated ").Text(ReportTime.Of(d.GeneratedTicks)).Markup(" by Timeline").Close("p");
        html.Open("p").Markup($"{ReportTime.Count(d.EventCount)} events from {ReportTime.Count(d.Files.Count)} evidence files on {ReportTime.Count(d.Hosts.Count)} host(s), ")
            .Text(ReportTime.Of(first)).Markup(" to ").Text(ReportTime.Of(last))
            .Markup($" · {ReportTime.Count(d.MatchCount)} rule hits · {ReportTime.Count(d.Chains.Count)} attack chain(s) · {ReportTime.Count(d.WarningCount)} warnings").Close("p");
        html.Close("header").Line();
        html.Open("nav", "toc");
        foreach (var (id, title) in new[] { ("story", "Story"), ("overview", "What the logs show"), ("charts", "Charts"), ("attack", "Techniques & rules"), ("evidence", "Evidence"), ("warnings", "Warnings"), ("event-table", "Events") })
            html.Open("a", attributes: ("href", "#" + id)).Markup(title).Close("a");
        html.Close("nav").Line();
    }
}
