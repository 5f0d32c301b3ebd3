using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;
using Timeline.Report.Charts;
using Timeline.Report.Digest;

namespace Timeline.Report.Html.Sections;

/// <summary>
/// ATT&amp;CK techniques seen, and every rule that matched with its level, hit count and authors.
/// Crediting authors is required by the Detection Rule License (DRL 1.1) under which SigmaHQ rules
/// are published.
/// </summary>
internal static class AttackSection
{
    public static void Write(HtmlOutput html, CaseDigest d, IReadOnlyList<TechniqueUse> techniques, ChartImage? chart)
    {
        html.Open("section", "card", "attack").Open("h2").Markup("Techniques and detection rules").Close("h2");
        if (d.MatchCount == 0)
        {
            html.Open("p", "notice").Markup("No detection rule matched any event in this case (or no rules have been run yet).").Close("p");
            html.Close("section").Line();
            return;
        }
        if (chart is not null) ChartsSection.WriteChart(html, chart);
        if (techniques.Count > 0)
        {
            html.Open("h3").Markup("Techniques and the rules that saw them").Close("h3");
            html.Open("table").Markup("<thead><tr><th>technique</th><th>tactics</th><th class=\"num\">hits</th><th>rules</th></tr></thead><tbody>");
            foreach (var t in techniques)
                html.Open("tr").Open("td").Open("code").Text(t.Id, 40).Close("code").Close("td").Element("td", string.Join(", ", t.Tactics), max: 300)
                    .Element("td", ReportTime.Count(t.Hits), "num").Element("td", string.Join("; ", t.Rules), max: 1000).Close("tr");
            html.Markup("</tbody>").Close("table");
        }
        html.Open("h3").Markup("Rules that matched").Close("h3");
        var rules = d.Rules.Select(r => (r.Rule, r.Hits))
            .OrderBy(r => LevelRank(r.Rule.Level)).ThenByDescending(r => r.Hits).ThenBy(r => r.Rule.Title, StringComparer.Ordinal).ToList();
        html.Open("table", "rules").Markup("<thead><tr><th>rule</th><th>level</th><th class=\"num\">hits</th><th>author (credited as the rule's licence requires)</th><th>rule id</th></tr></thead><tbody>");
        foreach (var (rule, hits) in rules)
        {
            var level = rule.Level.ToLowerInvariant();
            html.Open("tr").Element("td", rule.Title, max: 300).Element("td", level, RuleLevels.IsKnown(level) ? "level-" + level : null, 40)
                .Element("td", ReportTime.Count(hits), "num").Element("td", string.IsNullOrWhiteSpace(rule.Author) ? "(no author given)" : rule.Author, max: 300)
                .Open("td").Open("code").Text(rule.RuleId, 100).Close("code").Close("td").Close("tr");
        }
        html.Markup("</tbody>").Close("table");
        html.Open("p", "muted").Markup("Sigma rules from the SigmaHQ project are published under the Detection Rule License 1.1; their authors are named above for every rule that matched.").Close("p");
        html.Close("section").Line();
    }

    /// <summary>Most severe first (critical 0); unknown levels after informational.</summary>
    public static int LevelRank(string level) => RuleLevels.Severity(level) ?? RuleLevels.Ordered.Count;

    /// <summary>The most severe level among an event's matches, or "".</summary>
    public static string HighestLevel(IReadOnlyList<RuleMatch> rules) =>
        rules.Count == 0 ? "" : rules.Select(r => r.Level.ToLowerInvariant()).OrderBy(LevelRank).First();
}
