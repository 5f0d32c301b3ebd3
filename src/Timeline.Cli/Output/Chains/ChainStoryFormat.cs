using System.Globalization;
using Spectre.Console;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Store;
using Timeline.Core.Vocabulary;
using Timeline.Detection.Chain;

namespace Timeline.Cli.Output.Chains;

/// <summary>
/// <c>chain --format table</c> (the default), also what <c>analyze</c> prints: the readable story
/// per host — root cause, entry point and why, runners-up, mining start, the steps as a table, IOCs,
/// the response checklist, gaps and lateral movement — every evidence string made terminal-safe.
/// </summary>
public sealed class ChainStoryFormat : IChainFormat
{
    public const string FormatName = "table";

    public string Name => FormatName;

    public string Description => "the story per host (default)";

    public void Write(IAnsiConsole console, Stream output, ICaseStore store, IReadOnlyList<AttackChain> chains) => WriteStory(console, chains);

    /// <summary>The readable story per host.</summary>
    public static void WriteStory(IAnsiConsole console, IReadOnlyList<AttackChain> chains)
    {
        if (chains.Count == 0)
        {
            console.MarkupLine("No host shows attacker activity in this case.");
            return;
        }
        foreach (var c in chains)
        {
            console.Write(new Rule($"[bold]{E(c.Host)}[/]").LeftJustified());
            console.MarkupLine(E(c.RootCause));
            console.WriteLine();
            if (c.Entry is { } e)
            {
                console.MarkupLine($"[bold]Entry point[/] ({E(e.Kind)}, confidence {e.Confidence:P0}): {E(e.Summary)} at {TimeWords.Of(e.Ticks)}");
                console.MarkupLine($"  [grey]why:[/] {E(e.Why)}");
            }
            else console.MarkupLine("[bold]Entry point:[/] not found in the evidence");
            foreach (var r in c.RunnersUp) console.MarkupLine($"  [grey]runner-up:[/] {E(r.Kind)} ({r.Confidence:P0}) {E(r.Summary)}");
            console.MarkupLine($"[bold]Mining started:[/] {(c.MiningStartTicks is null ? "no evidence of a running miner" : TimeWords.Of(c.MiningStartTicks))}");

            var steps = new Table().Border(TableBorder.Simple).AddColumns("time (UTC)", "known by", "phase", "what happened", "evidence");
            foreach (var s in c.Steps)
                steps.AddRow(TimeWords.Of(s.Ticks), TimeQualityText.Words(s.TimeQuality), PhaseTable.Name(s.Phase), E(TerminalText.Cut(s.Summary, 140)), E(TerminalText.Cut($"{Path.GetFileName(s.Origin.File)}:{s.Origin.Position}", 40)));
            console.Write(steps);

            if (c.LiveState is { } live)
            {
                console.MarkupLine($"[bold]Running at collection[/] ({TimeWords.Of(live.CollectedAtTicks)}, {TimeQualityText.Words(live.TimeQuality)}): {(live.Processes.Count == 0 ? "nothing suspicious" : $"{live.Processes.Count} suspicious process(es)")}");
                if (live.Processes.Count > 0)
                {
                    var running = new Table().Border(TableBorder.Simple).AddColumns("PID", "user", "CPU %", "command", "remote", "why");
                    foreach (var p in live.Processes)
                        running.AddRow(p.Pid.ToString(CultureInfo.InvariantCulture), E(p.User ?? "?"), p.Cpu?.ToString("0.#", CultureInfo.InvariantCulture) ?? "?", E(TerminalText.Cut(p.Command, 80)),
                            E(TerminalText.Cut(string.Join(", ", live.Connections.Where(x => x.Pid == p.Pid).Select(x => x.Remote).Distinct()), 60)), E(TerminalText.Cut(p.Why, 160)));
                    console.Write(running);
                }
            }
            if (c.Indicators.Count > 0)
            {
                var iocs = new Table().Border(TableBorder.Simple).AddColumns("IOC", "value", "role");
                foreach (var i in c.Indicators) iocs.AddRow(E(i.Type), E(TerminalText.Cut(i.Value, 120)), E(i.Role));
                console.Write(iocs);
            }
            console.MarkupLine("[bold]Response checklist[/]");
            foreach (var a in c.Response) console.MarkupLine($"  [[ ]] {a.Order,2}. [bold]{E(a.Category)}[/] {E(TerminalText.Cut(a.Action, 220))}");
            foreach (var g in c.Gaps) console.MarkupLine($"[yellow]gap[/] {E(g.Kind)}: {E(TerminalText.Cut(g.Summary, 220))}");
            foreach (var l in c.Lateral) console.MarkupLine($"[bold]moved[/] {E(l.FromHost)} → {E(l.ToHost)} at {TimeWords.Of(l.Ticks)}: {E(TerminalText.Cut(l.Evidence, 220))}");
            console.WriteLine();
        }
    }

    private static string E(string? text) => Markup.Escape(TerminalText.Safe(text));
}
