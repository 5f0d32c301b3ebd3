using Timeline.Core.Events;
using Timeline.Core.Vocabulary;
using System.Globalization;
using System.Text;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// A report-ready Markdown story of chains: per host the root cause, entry point and runners-up,
/// steps with times and time quality, mining start, IOCs, response checklist, gaps and moves.
/// Evidence text is attacker-controlled: it goes into code spans (fence longer than any backtick
/// run inside) or is escaped, and control and bidirectional characters are shown as <c>\u{XXXX}</c>.
/// </summary>
public static class ChainMarkdown
{
    public static string Write(IReadOnlyList<AttackChain> chains)
    {
        var md = new StringBuilder();
        md.Append("# Attack chains\n\n");
        if (chains.Count == 0) md.Append("No host shows attacker activity in this case.\n");
        foreach (var c in chains)
        {
            md.Append("## ").Append(Text(c.Host)).Append("\n\n").Append(Text(c.RootCause)).Append("\n\n");
            if (c.Entry is { } e)
            {
                md.Append("**Entry point** (").Append(Text(e.Kind)).Append(", confidence ").Append(Pct(e.Confidence)).Append("): ").Append(Text(e.Summary)).Append(" at ").Append(TimeWords.Of(e.Ticks)).Append("  \n");
                md.Append("*Why:* ").Append(Text(e.Why)).Append("\n\n");
            }
            else md.Append("**Entry point:** not found in the evidence.\n\n");
            if (c.RunnersUp.Count > 0)
            {
                md.Append("Other candidates:\n\n");
                foreach (var r in c.RunnersUp) md.Append("- ").Append(Text(r.Kind)).Append(" (").Append(Pct(r.Confidence)).Append("): ").Append(Text(r.Summary)).Append(" — ").Append(Text(r.Why)).Append('\n');
                md.Append('\n');
            }
            md.Append("**Mining started:** ").Append(c.MiningStartTicks is null ? "no evidence of a running miner" : TimeWords.Of(c.MiningStartTicks)).Append("\n\n");
            md.Append("### Steps\n\n| time (UTC) | time known by | phase | what happened | evidence |\n|---|---|---|---|---|\n");
            foreach (var s in c.Steps)
                md.Append("| ").Append(TimeWords.Of(s.Ticks)).Append(" | ").Append(TimeQualityText.Words(s.TimeQuality)).Append(" | ").Append(PhaseTable.Name(s.Phase)).Append(" | ")
                  .Append(Cell(s.Summary)).Append(" | ").Append(Cell(Path.GetFileName(s.Origin.File) + ":" + s.Origin.Position.ToString(CultureInfo.InvariantCulture))).Append(" |\n");
            md.Append('\n');
            if (c.LiveState is { } live)
            {
                md.Append("### Running at collection (").Append(TimeWords.Of(live.CollectedAtTicks)).Append(")\n\n");
                if (live.Processes.Count == 0) md.Append("Nothing suspicious was running.\n\n");
                else
                {
                    md.Append("| PID | user | CPU % | command | remote | why |\n|---|---|---|---|---|---|\n");
                    foreach (var p in live.Processes)
                        md.Append("| ").Append(p.Pid.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(p.User ?? "?")).Append(" | ").Append(p.Cpu?.ToString("0.#", CultureInfo.InvariantCulture) ?? "?")
                          .Append(" | ").Append(Code(p.Command)).Append(" | ").Append(Cell(string.Join(", ", live.Connections.Where(x => x.Pid == p.Pid).Select(x => x.Remote).Distinct())))
                          .Append(" | ").Append(Cell(p.Why)).Append(" |\n");
                    md.Append('\n');
                }
            }
            if (c.Indicators.Count > 0)
            {
                md.Append("### Indicators of compromise\n\n| type | value | role |\n|---|---|---|\n");
                foreach (var i in c.Indicators) md.Append("| ").Append(Text(i.Type)).Append(" | ").Append(Code(i.Value)).Append(" | ").Append(Cell(i.Role)).Append(" |\n");
                md.Append('\n');
            }
            md.Append("### Response checklist\n\n");
            foreach (var a in c.Response) md.Append("- [ ] **").Append(Text(a.Category)).Append("** ").Append(Text(a.Action)).Append('\n');
            md.Append('\n');
            if (c.Gaps.Count > 0)
            {
                md.Append("### Evidence gaps\n\n");
                foreach (var g in c.Gaps) md.Append("- ").Append(Text(g.Kind)).Append(": ").Append(Text(g.Summary)).Append('\n');
                md.Append('\n');
            }
            if (c.Lateral.Count > 0)
            {
                md.Append("### Movement between hosts\n\n");
                foreach (var l in c.Lateral) md.Append("- ").Append(Text(l.FromHost)).Append(" → ").Append(Text(l.ToHost)).Append(" at ").Append(TimeWords.Of(l.Ticks)).Append(": ").Append(Text(l.Evidence)).Append('\n');
                md.Append('\n');
            }
        }
        return md.ToString();
    }

    private static string Pct(double v) => (v * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    /// <summary>Escapes Markdown syntax and neutralises control and bidirectional characters.</summary>
    public static string Text(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (Core.Output.VisibleText.IsHidden(ch)) Core.Output.VisibleText.AppendEscaped(sb, ch);
            else
            {
                if ("\\`*_[]<>|#!".Contains(ch)) sb.Append('\\');
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    private static string Cell(string? s) => Text(s);

    private static string Code(string? s)
    {
        var v = Core.Output.VisibleText.Show(s).Replace("|", "\\|", StringComparison.Ordinal);
        var longest = 0;
        for (int i = 0, run = 0; i < v.Length; i++) { run = v[i] == '`' ? run + 1 : 0; longest = Math.Max(longest, run); }
        var fence = new string('`', longest + 1);
        return fence + " " + v + " " + fence;
    }
}
