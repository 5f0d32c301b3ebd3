using Timeline.Core.Vocabulary;
using Timeline.Core.Store;
using Timeline.Report.Digest;

namespace Timeline.Report.Html.Sections;

/// <summary>
/// Plain facts from the logs that need no detection: how many failed and successful logins, from
/// where, which accounts were tried, which kinds of events the parsers recognised. Useful on its
/// own when no chain exists yet.
/// </summary>
internal static class OverviewSection
{
    private const int Top = 10;

    public static void Write(HtmlOutput html, CaseDigest d)
    {
        html.Open("section", "card", "overview").Open("h2").Markup("What the logs show").Close("h2");
        var failed = d.Pass.FailedLogins.GroupBy(kv => kv.Key.Source, StringComparer.Ordinal)
            .Select(g => (Source: g.Key, Count: g.Sum(kv => kv.Value), First: g.Min(kv => kv.Key.Minute), Last: g.Max(kv => kv.Key.Minute)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Source, StringComparer.Ordinal).ToList();
        var accepted = d.EventKinds.FirstOrDefault(k => k.Value == AuthEvents.SshAccepted)?.Count ?? 0;
        html.Open("p").Markup($"{ReportTime.Count(failed.Sum(f => f.Count))} failed logins from {ReportTime.Count(failed.Count)} addresses; {ReportTime.Count(accepted)} successful SSH logins.").Close("p");
        if (failed.Count > 0)
        {
            html.Open("h4").Markup("Where failed logins came from").Close("h4");
            html.Open("table").Markup("<thead><tr><th>source address</th><th class=\"num\">failed logins</th><th>first (UTC)</th><th>last (UTC)</th></tr></thead><tbody>");
            foreach (var f in failed.Take(Top))
                html.Open("tr").Open("td").Open("code").Text(f.Source, 200).Close("code").Close("td")
                    .Element("td", ReportTime.Count(f.Count), "num").Element("td", ReportTime.Cell(f.First * TimeSpan.TicksPerMinute), "t").Element("td", ReportTime.Cell(f.Last * TimeSpan.TicksPerMinute), "t").Close("tr");
            html.Markup("</tbody>").Close("table");
            if (failed.Count > Top) html.Open("p", "muted").Markup($"and {ReportTime.Count(failed.Count - Top)} more addresses.").Close("p");
        }
        html.Open("div", "pair");
        Counts(html, "Accounts named in the logs", "account", d.Users);
        Counts(html, "Kinds of events", "event", d.EventKinds);
        html.Close("div");
        html.Close("section").Line();
    }

    private static void Counts(HtmlOutput html, string title, string what, IReadOnlyList<AggregateCount> counts)
    {
        html.Open("div", "chart").Open("h4").Markup(title).Close("h4");
        if (counts.Count == 0)
        {
            html.Open("p", "muted").Markup("none").Close("p").Close("div");
            return;
        }
        html.Open("table").Markup($"<thead><tr><th>{what}</th><th class=\"num\">events</th><th>first (UTC)</th><th>last (UTC)</th></tr></thead><tbody>");
        foreach (var c in counts.Take(Top))
            html.Open("tr").Open("td").Open("code").Text(c.Value, 200).Close("code").Close("td").Element("td", ReportTime.Count(c.Count), "num")
                .Element("td", ReportTime.Cell(c.FirstTicks), "t").Element("td", ReportTime.Cell(c.LastTicks), "t").Close("tr");
        html.Markup("</tbody>").Close("table");
        if (counts.Count > Top) html.Open("p", "muted").Markup($"and {ReportTime.Count(counts.Count - Top)} more.").Close("p");
        html.Close("div");
    }
}
