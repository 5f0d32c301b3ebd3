using Timeline.Core.Events;
using Timeline.Core.Vocabulary;
using System.ComponentModel;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Pipeline;
using Timeline.Core.Findings;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Detection.Chain;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline chain --case FILE</c>: the attack chain per host — entry point and why, steps with
/// times, mining start, IOCs, response checklist. Builds and stores the chains when the case has
/// none (or with <c>--rebuild</c>), opening the case for writing; a read-only case shows the stored
/// chains. Registered with <c>config.AddCommand&lt;ChainCommand&gt;("chain")</c>.
/// </summary>
[Description("Reconstruct the intrusion per host: entry point and root cause, steps, mining start, IOCs and the response plan.")]
public sealed class ChainCommand(IAnsiConsole console) : Command<ChainCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("table (default: the story per host), json ({\"chains\":[…]}: the public chain contract, see README) or markdown (report-ready).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--rebuild")]
        [Description("Build the chains again from events and rule matches even if the case already has chains.")]
        public bool Rebuild { get; init; }

        public override ValidationResult Validate() =>
            Format is "table" or "json" or "markdown" ? base.Validate() : ValidationResult.Error($"--format must be table, json or markdown, not '{Format}'.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        // One open in the common case: read the stored chains and render them from that store. Only
        // when chains must be built (none stored, or --rebuild) is the case opened for writing instead.
        var reader = CaseStores.OpenForRead(settings.Case!);
        var store = reader;
        try
        {
            if (settings.Rebuild || (reader.Chains.Load().Count == 0 && CanWrite(settings.Case!)))
            {
                reader.Dispose();
                store = CaseStores.OpenForWrite(settings.Case!);
            }
            var chains = ChainStep.LoadOrBuild(store, settings.Rebuild);
            Render(store, chains, settings.Format);
        }
        finally
        {
            store.Dispose();
        }
        return ExitCodes.Ok;
    }

    private void Render(ICaseStore store, IReadOnlyList<AttackChain> chains, string format)
    {
        switch (format)
        {
            case "json":
                using (var stdout = StandardOutput.Open())
                {
                    var json = Bidi(ChainContract.Of(store, chains));
                    stdout.Write(Encoding.UTF8.GetBytes(json + "\n"));
                }
                break;
            case "markdown":
                using (var stdout = StandardOutput.Open()) stdout.Write(Encoding.UTF8.GetBytes(ChainMarkdown.Write(chains)));
                break;
            default:
                WriteStory(console, chains);
                break;
        }
    }

    private static bool CanWrite(string path)
    {
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    /// <summary>JSON keeps bidirectional overrides literal; escape them so a terminal shows them.</summary>
    private static string Bidi(string json)
    {
        var sb = new StringBuilder(json.Length);
        foreach (var c in json)
        {
            if (c is '\u061C' or '\u200E' or '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || (c >= 0x80 && c <= 0x9F))
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

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
