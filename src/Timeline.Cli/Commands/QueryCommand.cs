using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Pipeline;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Query.Output;
using Timeline.Query.Steps;
using Timeline.Query.Syntax;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline query --case FILE [QUERY]</c>: search the case with the query language (Lucene /
/// Timesketch style), list events in timeline order, stack values, look around an event, explain
/// the plan, save and run named queries.
/// </summary>
[Description("Search the case (Lucene-style query: host:web01 AND event:ssh_accepted, \"phrases\", wild*, /regex/, time:[[A TO B]], NOT, OR, ( )) and list, stack or explain.")]
public sealed class QueryCommand(IAnsiConsole console) : Command<QueryCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "[QUERY]")]
        [Description("The query; several words are joined by spaces (adjacent terms must all match). Empty: every event.")]
        public string[] Query { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [QueryFormatHelp]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--from <TIME>")]
        [Description("Start of the window (inclusive), ISO 8601, e.g. 2024-03-02T03:00 (UTC unless an offset is given).")]
        public string? From { get; init; }

        [CommandOption("--to <TIME>")]
        [Description("End of the window (exclusive), ISO 8601.")]
        public string? To { get; init; }

        [CommandOption("--limit <N>")]
        [Description("At most N events (default 100 for table, unlimited for jsonl/csv).")]
        public int? Limit { get; init; }

        [CommandOption("--around <EVENT_ID>")]
        [Description("Events around this event (its id, e.g. 98e642b88774-64), within --window before and after; the query still filters.")]
        public string? Around { get; init; }

        [CommandOption("--window <DURATION>")]
        [Description("Span before and after --around: 90s, 10m (default), 2h, 1d.")]
        [DefaultValue("10m")]
        public string Window { get; init; } = "10m";

        [CommandOption("--count-by <FIELD>")]
        [Description("Stack: count matching events per value of FIELD, with first and last seen. Uses the ingest aggregates when the query is empty.")]
        public string? CountBy { get; init; }

        [CommandOption("--top <N>")]
        [Description("With --count-by: show N values (default 25 in a table, all otherwise).")]
        public int? Top { get; init; }

        [CommandOption("--rare")]
        [Description("With --count-by: least frequent values first (the odd ones out).")]
        public bool Rare { get; init; }

        [CommandOption("--first <FIELD>")]
        [Description("The first matching event for every value of FIELD (e.g. when each source IP was first seen).")]
        public string? First { get; init; }

        [CommandOption("--last <FIELD>")]
        [Description("The last matching event for every value of FIELD.")]
        public string? Last { get; init; }

        [CommandOption("--sort <ORDER>")]
        [Description("time (default, oldest first) or -time (newest first; write --sort=-time so the shell and parser keep the dash).")]
        [DefaultValue("time")]
        public string Sort { get; init; } = "time";

        [CommandOption("--fields <LIST>")]
        [Description("Columns for table and csv, comma-separated: time, host, parser, message, id, file, rule, tag, phase, or any stored field (user, src_ip, command, …).")]
        public string? Fields { get; init; }

        [CommandOption("--explain")]
        [Description("Show how the query runs: indexes used, blocks chosen of the total, blocks decoded for the listing.")]
        public bool Explain { get; init; }

        [CommandOption("--save <NAME>")]
        [Description("Save the query in the case under NAME (opens the case for writing), then run it.")]
        public string? Save { get; init; }

        [CommandOption("--run <NAME>")]
        [Description("Run the query saved under NAME (a QUERY given too is ANDed with it).")]
        public string? Run { get; init; }

        [CommandOption("--saved")]
        [Description("List the queries saved in the case.")]
        public bool Saved { get; init; }

        public string Text => string.Join(' ', Query);

        public override ValidationResult Validate()
        {
            if (!QueryFormats.Exists(Format)) return ValidationResult.Error($"--format must be one of {string.Join(", ", QueryFormats.Names)}, not '{Format}'.");
            if (From is not null && !TimeText.TryParse(From, out _)) return ValidationResult.Error($"--from '{From}' is not an ISO 8601 time (e.g. 2024-03-02T03:00:00Z).");
            if (To is not null && !TimeText.TryParse(To, out _)) return ValidationResult.Error($"--to '{To}' is not an ISO 8601 time (e.g. 2024-03-02T04:00:00Z).");
            if (Limit is < 0) return ValidationResult.Error("--limit must be 0 or more.");
            if (Top is < 1) return ValidationResult.Error("--top must be 1 or more.");
            if (Sort is not ("time" or "-time")) return ValidationResult.Error($"--sort must be time or -time, not '{Sort}'.");
            if (!DurationText.TryParse(Window, out _)) return ValidationResult.Error($"--window '{Window}' is not a duration (e.g. 90s, 10m, 2h, 1d).");
            if (new[] { CountBy, First, Last }.Count(x => x is not null) > 1) return ValidationResult.Error("use one of --count-by, --first and --last at a time.");
            if (Save is not null && (Save.Length == 0 || Save.Length > 100)) return ValidationResult.Error("--save NAME must be 1 to 100 characters.");
            if (Save is not null && Run is not null) return ValidationResult.Error("use --save or --run, not both.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // --save writes to the case; everything else reads it (shared with other readers).
            using var store = settings.Save is null ? CaseStores.OpenForRead(settings.Case!) : CaseStores.OpenForWrite(settings.Case!);
            var opened = clock.Elapsed;
            var result = QueryStep.Run(store, Request(settings, cancellation));
            if (result.Saved is { } saved)
                Console.Error.WriteLine($"Saved as '{TerminalText.Safe(saved.Name)}'. Run it again with: timeline query --case {settings.Case} --run {saved.Name}");
            switch (result)
            {
                case SavedQueryList list: WriteSaved(list); break;
                case QueryCounts counts when settings.Explain: WriteExplain(counts, opened + counts.Elapsed); break;
                case QueryCounts counts: ValueCountOutput.Write(console, settings.Format, counts.Field, counts.Rows, counts.Values); break;
                case QueryExplanation explanation: WriteExplain(explanation, opened); break;
                case QueryEvents events: WriteEvents(events, settings); break;
            }
            return ExitCodes.Ok;
        }
        catch (QuerySyntaxException ex)
        {
            var lines = ex.Message.Split('\n');
            for (var i = 0; i < lines.Length; i++) Console.Error.WriteLine((i == 0 ? "error: " : "") + TerminalText.Safe(lines[i]));
            return ExitCodes.Usage;
        }
        catch (QueryRequestException ex)
        {
            Console.Error.WriteLine("error: " + TerminalText.Safe(ex.Message));
            return ExitCodes.Usage;
        }
    }

    /// <summary>The options as a library request; tables default to 100 rows and 25 values, the machine formats to all.</summary>
    private static QueryRequest Request(Settings settings, CancellationToken cancellation)
    {
        var table = settings.Format == QueryFormats.Table;
        DurationText.TryParse(settings.Window, out var span);
        return new QueryRequest
        {
            Text = settings.Text,
            Window = new TimeWindow(Time(settings.From), Time(settings.To)),
            Limit = settings.Limit ?? (table ? 100 : int.MaxValue),
            NewestFirst = settings.Sort == "-time",
            Fields = settings.Fields,
            Around = settings.Around,
            AroundSpan = span,
            CountBy = settings.CountBy,
            Top = settings.Top ?? (table ? 25 : int.MaxValue),
            Rare = settings.Rare,
            FirstOf = settings.First,
            LastOf = settings.Last,
            SaveAs = settings.Save,
            RunSaved = settings.Run,
            ListSaved = settings.Saved,
            Explain = settings.Explain,
            Cancellation = cancellation,
        };
    }

    private static long? Time(string? text) => text is not null && TimeText.TryParse(text, out var t) ? t : null;

    private void WriteEvents(QueryEvents result, Settings settings)
    {
        if (settings.Format == QueryFormats.Table)
        {
            EventTable.Write(console, result.Events, result.Columns, result.Findings, settings.Limit ?? 100, result.Anchor);
            return;
        }
        using var stdout = StandardOutput.Open();
        using var rows = EventRowFormats.Find(settings.Format)!.Open(stdout, result.Columns ?? (IEventColumns)EventRow.Default);
        foreach (var e in result.Events) rows.Write(e, result.Findings);
    }

    private void WriteSaved(SavedQueryList result)
    {
        if (result.Queries.Count == 0)
        {
            console.MarkupLine("No saved queries in this case. Save one with: timeline query --case FILE \"QUERY\" --save NAME");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumn("name").AddColumn("query").AddColumn("saved (UTC)");
        foreach (var q in result.Queries) table.AddRow(new Text(TerminalText.Safe(q.Name)), new Text(TerminalText.Safe(q.Text)), new Text(TimeText.Format(q.SavedTicks)));
        console.Write(table);
    }

    private void WriteExplain(QueryExplanation x, TimeSpan opened)
    {
        var total = opened + x.Planning + x.Listing;
        var lines = new List<string>
        {
            "query:    " + (x.Text.Length == 0 ? "(empty: every event)" : x.Text),
            "parsed:   " + x.Syntax,
            "window:   " + (x.Window.IsAll ? "none" : $"{TimeText.Format(x.Window.From) ?? "*"} → {TimeText.Format(x.Window.To) ?? "*"} (merge stops at its end)"),
        };
        lines.AddRange(x.IndexSteps.Select(s => "index:    " + s));
        lines.Add($"blocks:   {x.BlocksChosen} of {x.TotalBlocks} chosen{(x.UsesIndex ? "" : " (full scan)")}");
        lines.Add("filter:   every decoded event must pass " + x.Filter);
        lines.Add($"run:      {x.BlocksDecoded} of {x.BlocksChosen} chosen blocks decoded, {x.EventsRead:N0} events read, {x.Listed:N0} listed");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"time:     {total.TotalMilliseconds:0.0} ms in this process (case opened {opened.TotalMilliseconds:0.0}, planned {x.Planning.TotalMilliseconds:0.0}, listed {x.Listing.TotalMilliseconds:0.0})"));
        foreach (var l in lines) console.WriteLine(TerminalText.Safe(l));
    }

    private void WriteExplain(QueryCounts c, TimeSpan total)
    {
        console.WriteLine(TerminalText.Safe((c.FromAggregate
            ? $"count-by {c.Field}: answered from the '{c.Field}' aggregate maintained at ingest (no event read)"
            : $"count-by {c.Field}: scan; {c.Scan?.BlocksDecoded ?? 0} of {c.TotalBlocks} blocks decoded, {c.Scan?.EventsRead ?? 0:N0} events read")
            + string.Create(CultureInfo.InvariantCulture, $"; {c.Values:N0} values; {total.TotalMilliseconds:0.0} ms in this process")));
    }
}
