using Timeline.Core.Vocabulary;
using Spectre.Console;
using Timeline.Cli.Output;
using Timeline.Pipeline;

namespace Timeline.Cli.Infrastructure;

/// <summary>Prints what a hunt (<see cref="HuntStep"/>) found: hits per rule with level, tags and author.</summary>
public static class HuntRunner
{
    public static void Print(IAnsiConsole console, HuntResult o)
    {
        if (o.Hits.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Rule hits")
                .AddColumn("level").AddColumn("rule").AddColumn(new TableColumn("events").RightAligned()).AddColumn("tags").AddColumn("author");
            foreach (var (m, events) in o.Hits.OrderBy(h => LevelRank(h.Rule.Level)).ThenByDescending(h => h.Events))
            {
                table.AddRow(new Text(m.Level), new Text(TerminalText.Safe(m.Title)), new Text(events.ToString("N0")),
                    new Text(TerminalText.Cut(string.Join(' ', m.Tags), 50)), new Text(TerminalText.Cut(m.Author, 40)));
            }
            console.Write(table);
        }
        var rate = o.Elapsed.TotalSeconds > 0 ? o.Events / o.Elapsed.TotalSeconds : 0;
        console.MarkupLine($"Hunt: {o.Rules:N0} rules over {o.Events:N0} events in {o.Elapsed.TotalSeconds:N1} s ({rate:N0} events/s): {o.Matches:N0} matches on {o.MatchedEvents:N0} events.");
        if (o.FailedFiles > 0)
            console.MarkupLine($"[yellow]{o.FailedFiles} rule file(s) could not be loaded[/]; see [bold]timeline rules lint DIR[/] for each file, line and reason.");
        foreach (var line in o.RegexNotes) console.MarkupLine($"[yellow]{Markup.Escape(TerminalText.Safe(line))}[/]");
    }

    // Most severe first; unknown levels sort with informational.
    private static int LevelRank(string level) => RuleLevels.Severity(level) ?? RuleLevels.Ordered.Count - 1;
}
