using Timeline.Core.Output;
using Timeline.Core.Events;
using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;
using Timeline.Report.Charts;
using Timeline.Report.Digest;

namespace Timeline.Report.Html.Sections;

/// <summary>
/// The story first, for a reader who is not an analyst: per host, how the attacker got in and why
/// we think so, what they did step by step (with how sure we are of each time), when mining
/// started, what to do now, and the indicators to block. When no chain exists, it says so plainly.
/// </summary>
internal static class StorySection
{
    public static void Write(HtmlOutput html, CaseDigest d, IReadOnlyList<ChartImage?> swimlanes, ChartImage? lateral)
    {
        html.Open("section", "card", "story").Open("h2").Markup("What happened").Close("h2");
        if (d.Chains.Count == 0)
        {
            html.Open("p", "notice lead", "no-chain")
                .Markup("No attack chain has been built for this case yet, so this report cannot tell the story of an intrusion: ")
                .Markup(d.MatchCount == 0 ? "no detection rules have been run over the events either. " : $"detection rules matched {ReportTime.Count(d.MatchCount)} times, but the matches have not been linked into a chain. ")
                .Markup("Below are the evidence, the activity and the events as they stand. To reconstruct the intrusion, run <code>timeline analyze</code> on the evidence (or <code>timeline chain --case FILE</code>) and produce this report again.")
                .Close("p");
            html.Close("section").Line();
            return;
        }
        html.Open("p", "lead").Markup(d.Chains.Count == 1
            ? "The attack was reconstructed on one host. Each step below points at the log line that proves it."
            : $"The attack was reconstructed on {d.Chains.Count} hosts. Each step below points at the log line that proves it.").Close("p");
        for (var i = 0; i < d.Chains.Count; i++) WriteChain(html, d.Chains[i], i, swimlanes[i]);
        if (lateral is not null) ChartsSection.WriteChart(html, lateral);
        html.Close("section").Line();
    }

    private static void WriteChain(HtmlOutput html, AttackChain c, int index, ChartImage? swimlane)
    {
        html.Open("article", "host", $"host-{index}");
        html.Open("h3").Markup("Host ").Text(c.Host, 200).Markup($" <span class=\"muted\">· confidence {ReportTime.Percent(c.Confidence)}</span>").Close("h3");
        if (!string.IsNullOrWhiteSpace(c.RootCause)) html.Open("p", "lead").Text(c.RootCause, 4000).Close("p");
        html.Open("dl", "facts");
        html.Open("dt").Markup("How they got in").Close("dt").Open("dd");
        if (c.Entry is { } e)
        {
            html.Text(ReportTime.Of(e.Ticks)).Markup(" — ").Text(e.Summary, 1000);
            html.Markup($" <span class=\"muted\">(confidence {ReportTime.Percent(e.Confidence)})</span>");
            if (!string.IsNullOrWhiteSpace(e.Why)) html.Open("br").Open("span", "muted").Markup("Why: ").Text(e.Why, 2000).Close("span");
        }
        else html.Markup("Not determined: no login or exploited service explains the first attacker activity.");
        html.Close("dd");
        html.Open("dt").Markup("Mining started").Close("dt").Open("dd").Markup(c.MiningStartTicks is { } m ? HtmlText.Text(ReportTime.Of(m)) : "no evidence of mining on this host").Close("dd");
        if (c.Lateral.Count > 0)
        {
            html.Open("dt").Markup("Moved between hosts").Close("dt").Open("dd");
            foreach (var l in c.Lateral)
                html.Text(l.FromHost, 200).Markup(" → ").Text(l.ToHost, 200).Markup(" at ").Text(ReportTime.Of(l.Ticks)).Markup(": ").Text(l.Evidence, 500).Open("br");
            html.Close("dd");
        }
        html.Close("dl");
        if (swimlane is not null) ChartsSection.WriteChart(html, swimlane);
        WriteSteps(html, c);
        WriteLiveState(html, c);
        WriteResponse(html, c, index);
        WriteIndicators(html, c, index);
        WriteRunnersUp(html, c);
        WriteGaps(html, c);
        html.Close("article").Line();
    }

    private static void WriteSteps(HtmlOutput html, AttackChain c)
    {
        html.Open("h4").Markup("Step by step").Close("h4");
        if (c.Steps.Count == 0)
        {
            html.Open("p").Markup("No steps were linked to this chain.").Close("p");
            return;
        }
        html.Open("table", "steps").Markup("<thead><tr><th>time (UTC)</th><th>how the time is known</th><th>phase</th><th>what happened</th><th>why we think so</th><th class=\"num\">confidence</th><th>evidence</th></tr></thead><tbody>");
        foreach (var s in c.Steps)
        {
            html.Open("tr");
            html.Element("td", ReportTime.Cell(s.Ticks), "t");
            html.Element("td", TimeQualityText.Plain(s.TimeQuality));
            html.Open("td").Open("span", "phase phase-" + PhaseTable.Name(s.Phase)).Markup(PhaseTable.Of(s.Phase).Title).Close("span").Close("td");
            html.Element("td", s.Summary, max: 1000);
            html.Open("td").Text(s.Why, 1000);
            if (s.Techniques.Count > 0) html.Open("br").Open("span", "muted").Markup("ATT&amp;CK: ").Text(string.Join(", ", s.Techniques), 400).Close("span");
            html.Close("td");
            html.Element("td", ReportTime.Percent(s.Confidence), "num");
            html.Open("td");
            EvidenceLinks.Origin(html, s.EventId, s.Origin);
            if (s.RuleIds.Count > 0) html.Open("br").Open("span", "muted").Markup("rules: ").Text(string.Join(", ", s.RuleIds), 400).Close("span");
            html.Close("td");
            html.Close("tr");
        }
        html.Markup("</tbody>").Close("table");
    }

    /// <summary>What the collector saw running: PID, user, CPU, command, remote and why (all evidence text, escaped).</summary>
    private static void WriteLiveState(HtmlOutput html, AttackChain c)
    {
        if (c.LiveState is not { } live) return;
        html.Open("h4").Markup("Running at collection").Close("h4");
        html.Open("p", "muted").Markup("The collector captured the host's state at ").Text(ReportTime.Of(live.CollectedAtTicks)).Markup(" (")
            .Text(TimeQualityText.Plain(live.TimeQuality)).Markup("): a process listed here was running then; when it started is not known from this.").Close("p");
        if (live.Processes.Count == 0)
        {
            html.Open("p").Markup("Nothing suspicious was running.").Close("p");
            return;
        }
        html.Open("table", "live-state").Markup("<thead><tr><th class=\"num\">PID</th><th>user</th><th class=\"num\">CPU %</th><th>command</th><th>remote</th><th>why</th></tr></thead><tbody>");
        foreach (var p in live.Processes)
        {
            html.Open("tr");
            html.Element("td", p.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "num");
            html.Element("td", p.User ?? "?");
            html.Element("td", p.Cpu?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "?", "num");
            html.Open("td").Open("code").Text(p.Command, 1000).Close("code").Close("td");
            html.Element("td", string.Join(", ", live.Connections.Where(x => x.Pid == p.Pid).Select(x => x.Remote).Distinct()), max: 500);
            html.Element("td", p.Why, max: 1000);
            html.Close("tr");
        }
        html.Markup("</tbody>").Close("table");
    }

    private static void WriteResponse(HtmlOutput html, AttackChain c, int index)
    {
        html.Open("h4").Markup("What to do now").Close("h4");
        if (c.Response.Count == 0)
        {
            html.Open("p").Markup("No response actions were derived for this host.").Close("p");
            return;
        }
        html.Open("ol", "checklist");
        foreach (var (r, i) in c.Response.OrderBy(r => r.Order).Select((r, i) => (r, i)))
        {
            html.Open("li").Open("label").Open("input", id: $"resp-{index}-{i}", attributes: ("type", "checkbox")).Markup(" ");
            html.Text(r.Action, 1000);
            if (!string.IsNullOrEmpty(r.Target)) html.Markup(": ").Open("code").Text(r.Target, 1000).Close("code");
            html.Close("label");
            if (r.EvidenceEventIds.Count > 0)
            {
                html.Markup(" <span class=\"muted\">evidence: ");
                EvidenceLinks.Events(html, r.EvidenceEventIds);
                html.Markup("</span>");
            }
            html.Close("li");
        }
        html.Close("ol");
    }

    private static void WriteIndicators(HtmlOutput html, AttackChain c, int index)
    {
        html.Open("h4").Markup("Indicators of compromise").Close("h4");
        if (c.Indicators.Count == 0)
        {
            html.Open("p").Markup("No indicators were extracted for this host.").Close("p");
            return;
        }
        html.Open("table", "iocs").Markup("<thead><tr><th>type</th><th>value</th><th>role</th><th>seen in</th></tr></thead><tbody>");
        foreach (var ioc in c.Indicators)
        {
            html.Open("tr").Element("td", ioc.Type, max: 40).Open("td").Open("code").Text(ioc.Value, 1000).Close("code").Close("td").Element("td", ioc.Role, max: 200).Open("td");
            EvidenceLinks.Events(html, ioc.EventIds, 3);
            html.Close("td").Close("tr");
        }
        html.Markup("</tbody>").Close("table");
        var box = $"iocs-{index}";
        html.Open("p").Markup("All values, one per line, to paste into a block list or a search: ")
            .Open("button", attributes: [("type", "button"), ("data-copy", box)]).Markup("Copy").Close("button").Close("p");
        html.Open("textarea", "iocs", box, ("readonly", "readonly"), ("spellcheck", "false"), ("aria-label", "indicator values"))
            .Markup(string.Join("\n", c.Indicators.Select(i => HtmlText.Text(i.Value, 1000)).Distinct(StringComparer.Ordinal)))
            .Close("textarea");
    }

    private static void WriteRunnersUp(HtmlOutput html, AttackChain c)
    {
        if (c.RunnersUp.Count == 0) return;
        html.Open("h4").Markup("Other possible ways in").Close("h4").Open("ul");
        foreach (var r in c.RunnersUp)
            html.Open("li").Text(ReportTime.Of(r.Ticks)).Markup(" — ").Text(r.Summary, 1000).Markup($" <span class=\"muted\">(confidence {ReportTime.Percent(r.Confidence)})</span> ").Text(r.Why, 1000).Close("li");
        html.Close("ul");
    }

    private static void WriteGaps(HtmlOutput html, AttackChain c)
    {
        if (c.Gaps.Count == 0) return;
        html.Open("h4").Markup("Missing or destroyed evidence").Close("h4").Open("ul");
        foreach (var g in c.Gaps)
            html.Open("li").Open("strong").Text(g.Kind, 80).Close("strong").Markup(": ").Text(g.Summary, 1000)
                .Markup(g.FromTicks is null ? "" : " (" + HtmlText.Text(ReportTime.Of(g.FromTicks)) + " to " + HtmlText.Text(ReportTime.Of(g.ToTicks)) + ")").Close("li");
        html.Close("ul");
    }
}
