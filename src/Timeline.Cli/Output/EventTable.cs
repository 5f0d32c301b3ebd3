using Timeline.Core.Vocabulary;
using Spectre.Console;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Query.Fields;
using Timeline.Query.Output;

namespace Timeline.Cli.Output;

/// <summary>
/// Events as a terminal table (<c>query --format table</c>): time (<see cref="TimeText.PositionOf"/>),
/// how it is known, host, parser, event and message — or the <c>--fields</c> columns — with every
/// cell made safe for the terminal. The machine formats are <see cref="EventRowFormats"/>.
/// </summary>
public static class EventTable
{
    public const string Description = "a table for people (default; 100 rows unless --limit)";

    public static void Write(IAnsiConsole console, IEnumerable<EventRecord> events, ColumnSet? columns, EventFindings findings, int limit, EventRecord? anchor)
    {
        var table = new Table().Border(TableBorder.Simple);
        if (anchor is not null) table.AddColumn(" ");
        if (columns is null) table.AddColumn("time (UTC)").AddColumn("q").AddColumn("host").AddColumn("parser").AddColumn("event").AddColumn("message");
        else foreach (var name in columns.Names) table.AddColumn(Markup.Escape(name));
        var rows = 0;
        foreach (var e in events)
        {
            var cells = new List<Text>();
            if (anchor is not null) cells.Add(new Text(e.Id == anchor.Id ? "▶" : ""));
            if (columns is null)
            {
                cells.AddRange([new Text(TimeText.PositionOf(e, tableStyle: true, none: "-")), new Text(TimeQualityText.Letters(e.TimeQuality)), new Text(TerminalText.Cut(e.Host, 24)), new Text(e.Parser), new Text(TerminalText.Cut(e.Fields.Get(FieldNames.Event), 24)), new Text(TerminalText.Cut(Body(e), 160))]);
            }
            else
            {
                foreach (var c in columns.Fields)
                    cells.Add(new Text(c.Kind == FieldKind.Time ? TimeText.PositionOf(e, tableStyle: true, none: "-") : TerminalText.Cut(columns.Cell(c, e, findings), c.Kind == FieldKind.Message ? 160 : 60)));
            }
            table.AddRow(cells);
            rows++;
        }
        if (rows == 0)
        {
            console.MarkupLine("No events match.");
            return;
        }
        console.Write(table);
        if (columns is null) console.MarkupLine(Markup.Escape(TimeQualityText.Legend));
        if (rows == limit) console.MarkupLine($"Showing the first {rows} events; use --limit N for more, or --format jsonl|csv for all.");
    }

    /// <summary>The table already shows time and host: start the message at the program name when it has one.</summary>
    private static string Body(EventRecord e)
    {
        if (e.Fields.Get("program") is { Length: > 0 } program)
        {
            var at = e.Message.IndexOf(program, StringComparison.Ordinal);
            if (at > 0) return e.Message[at..];
        }
        return e.Message;
    }
}
