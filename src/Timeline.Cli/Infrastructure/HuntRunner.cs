using Timeline.Detection;
using Timeline.Core.Vocabulary;
using System.Diagnostics;
using Spectre.Console;
using Timeline.Cli.Output;
using Timeline.Core.Findings;
using Timeline.Core.Store;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;

namespace Timeline.Cli.Infrastructure;

/// <summary>Loads rules, runs them over a case in time order and stores the matches (replacing earlier ones).</summary>
public static class HuntRunner
{
    public sealed record Outcome(int Rules, int FailedFiles, long Events, int Matches, TimeSpan Elapsed);

    public static Outcome Run(IAnsiConsole console, CaseStore store, IReadOnlyList<string> ruleDirs, string minLevel, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var rules = RuleLoader.Load(ruleDirs);
        var engine = new RuleEngine(rules, SourceMappings.Load(BundledKnowledge.Mappings));
        long events = 0;
        IEnumerable<Core.Events.EventRecord> Counted()
        {
            foreach (var e in store.Events())
            {
                cancellation.ThrowIfCancellationRequested();
                events++;
                yield return e;
            }
        }
        var matches = engine.Evaluate(Counted(), minLevel).ToList();
        CaseMatches.Replace(store, matches);
        var outcome = new Outcome(rules.Rules.Count + rules.Correlations.Count, rules.FilesFailed, events, matches.Count, clock.Elapsed);
        Print(console, rules, matches, outcome);
        return outcome;
    }

    private static void Print(IAnsiConsole console, RuleSet rules, List<RuleMatch> matches, Outcome o)
    {
        if (matches.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Rule hits")
                .AddColumn("level").AddColumn("rule").AddColumn(new TableColumn("events").RightAligned()).AddColumn("tags").AddColumn("author");
            foreach (var g in matches.GroupBy(m => m.RuleId).OrderBy(g => LevelRank(g.First().Level)).ThenByDescending(g => g.Count()))
            {
                var m = g.First();
                table.AddRow(new Text(m.Level), new Text(TerminalText.Safe(m.Title)), new Text(g.Select(x => x.EventId).Distinct().Count().ToString("N0")),
                    new Text(TerminalText.Cut(string.Join(' ', m.Tags), 50)), new Text(TerminalText.Cut(m.Author, 40)));
            }
            console.Write(table);
        }
        var rate = o.Elapsed.TotalSeconds > 0 ? o.Events / o.Elapsed.TotalSeconds : 0;
        console.MarkupLine($"Hunt: {o.Rules:N0} rules over {o.Events:N0} events in {o.Elapsed.TotalSeconds:N1} s ({rate:N0} events/s): {matches.Count:N0} matches on {matches.Select(m => m.EventId).Distinct().Count():N0} events.");
        if (o.FailedFiles > 0)
            console.MarkupLine($"[yellow]{o.FailedFiles} rule file(s) could not be loaded[/]; see [bold]timeline rules lint DIR[/] for each file, line and reason.");
    }

    // Most severe first; unknown levels sort with informational.
    private static int LevelRank(string level) => RuleLevels.Severity(level) ?? RuleLevels.Ordered.Count - 1;
}
