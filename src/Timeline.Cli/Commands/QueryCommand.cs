using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Query.Evaluation;
using Timeline.Query.Execution;
using Timeline.Query.Fields;
using Timeline.Query.Output;
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
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private TimeSpan _opened;
    private TimeSpan _planned;

    public sealed class Settings : CaseSettings
    {
        [CommandArgument(0, "[QUERY]")]
        [Description("The query; several words are joined by spaces (adjacent terms must all match). Empty: every event.")]
        public string[] Query { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("table (default), jsonl (one JSON object per event, with rules and phase; stable contract) or csv.")]
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
            if (Format is not ("table" or "jsonl" or "csv")) return ValidationResult.Error($"--format must be table, jsonl or csv, not '{Format}'.");
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
        try
        {
            if (settings.Save is { } name) SaveQuery(settings, name);
            _clock.Restart();
            using var store = CaseStore.OpenForRead(settings.Case!);
            _opened = _clock.Elapsed;
            if (settings.Saved) return ListSaved(store);
            return Query(store, settings, cancellation);
        }
        catch (QuerySyntaxException ex)
        {
            var lines = ex.Message.Split('\n');
            for (var i = 0; i < lines.Length; i++) Console.Error.WriteLine((i == 0 ? "error: " : "") + TerminalText.Safe(lines[i]));
            return ExitCodes.Usage;
        }
    }

    private static void SaveQuery(Settings settings, string name)
    {
        using var store = CaseStore.OpenForWrite(settings.Case!);
        _ = CompiledQuery.Compile(store, settings.Text);
        CaseQueries.Save(store, new SavedQuery(name, settings.Text, DateTime.UtcNow.Ticks));
        Console.Error.WriteLine($"Saved as '{TerminalText.Safe(name)}'. Run it again with: timeline query --case {settings.Case} --run {name}");
    }

    private int ListSaved(CaseStore store)
    {
        var saved = CaseQueries.All(store);
        if (saved.Count == 0)
        {
            console.MarkupLine("No saved queries in this case. Save one with: timeline query --case FILE \"QUERY\" --save NAME");
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumn("name").AddColumn("query").AddColumn("saved (UTC)");
        foreach (var q in saved) table.AddRow(new Text(TerminalText.Safe(q.Name)), new Text(TerminalText.Safe(q.Text)), new Text(TimeText.Format(q.SavedTicks)));
        console.Write(table);
        return ExitCodes.Ok;
    }

    private int Query(CaseStore store, Settings settings, CancellationToken cancellation)
    {
        var text = settings.Text;
        if (settings.Run is { } runName)
        {
            var saved = CaseQueries.Find(store, runName);
            if (saved is null)
            {
                var names = CaseQueries.All(store).Select(q => q.Name).ToList();
                var close = CloseMatches.Of(runName, names);
                Console.Error.WriteLine($"error: no saved query named '{TerminalText.Safe(runName)}'" + (close.Count > 0 ? $"; did you mean {TerminalText.Safe(string.Join(", ", close))}?" : names.Count > 0 ? $"; saved: {TerminalText.Safe(string.Join(", ", names))}" : "; none are saved in this case"));
                return ExitCodes.Usage;
            }
            text = text.Length == 0 ? saved.Text : $"({saved.Text}) AND ({text})";
        }

        long? from = settings.From is { } f && TimeText.TryParse(f, out var ft) ? ft : null;
        long? to = settings.To is { } t && TimeText.TryParse(t, out var tt) ? tt : null;
        var window = new TimeWindow(from, to);
        EventRecord? anchor = null;
        if (settings.Around is { } id)
        {
            anchor = EventLookup.Find(store, id);
            if (anchor is null)
            {
                Console.Error.WriteLine($"error: no event with id '{TerminalText.Safe(id)}' in this case (ids look like 98e642b88774-64; see the id column of --format jsonl)");
                return ExitCodes.Usage;
            }
            DurationText.TryParse(settings.Window, out var span);
            var around = EventLookup.Around(anchor, span);
            window = new TimeWindow(Max(window.From, around.From), Min(window.To, around.To));
        }

        var query = CompiledQuery.Compile(store, text, window);
        _planned = _clock.Elapsed;
        var columns = settings.Fields is { } list ? ColumnSet.Parse(list, query.Catalog) : null;
        if (settings.CountBy is { } countBy) return CountBy(query, query.Catalog.Resolve(countBy, countBy, 0), settings);

        QueryRun? run = null;
        IEnumerable<EventRecord> events;
        if ((settings.First ?? settings.Last) is { } perValue)
        {
            var field = query.Catalog.Resolve(perValue, perValue, 0);
            IEnumerable<EventRecord> chosen = Stacking.FirstPerValue(query, field, last: settings.First is null, out run);
            events = settings.Sort == "-time" ? chosen.Reverse() : chosen;
        }
        else
        {
            run = query.Run(descending: settings.Sort == "-time");
            events = run.Events();
        }
        var limit = settings.Limit ?? (settings.Format == "table" ? 100 : int.MaxValue);
        events = events.Take(limit);

        if (settings.Explain)
        {
            var shown = events.Count();
            WriteExplain(query, run!, shown);
            return ExitCodes.Ok;
        }
        switch (settings.Format)
        {
            case "jsonl": WriteJsonLines(events, query.Findings, cancellation); break;
            case "csv": WriteCsv(events, columns, query.Findings, cancellation); break;
            default: WriteTable(events, columns, query.Findings, limit, anchor); break;
        }
        return ExitCodes.Ok;
    }

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private void WriteExplain(CompiledQuery query, QueryRun run, int shown)
    {
        var plan = query.Plan;
        var lines = new List<string>
        {
            "query:    " + (query.Text.Length == 0 ? "(empty: every event)" : query.Text),
            "parsed:   " + query.Syntax,
            "window:   " + (plan.Window.IsAll ? "none" : $"{TimeText.Format(plan.Window.From) ?? "*"} → {TimeText.Format(plan.Window.To) ?? "*"} (merge stops at its end)"),
        };
        lines.AddRange(plan.Steps.Select(s => "index:    " + s));
        lines.Add($"blocks:   {plan.Blocks.Count} of {plan.TotalBlocks} chosen{(plan.UsesIndex ? "" : " (full scan)")}");
        lines.Add("filter:   every decoded event must pass " + plan.Filter);
        lines.Add($"run:      {run.BlocksDecoded} of {plan.Blocks.Count} chosen blocks decoded, {run.EventsRead:N0} events read, {shown:N0} listed");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"time:     {_clock.Elapsed.TotalMilliseconds:0.0} ms in this process (case opened {_opened.TotalMilliseconds:0.0}, planned {(_planned - _opened).TotalMilliseconds:0.0}, listed {(_clock.Elapsed - _planned).TotalMilliseconds:0.0})"));
        foreach (var l in lines) console.WriteLine(TerminalText.Safe(l));
    }

    private int CountBy(CompiledQuery query, QueryField field, Settings settings)
    {
        var counts = Stacking.CountBy(query, field, out var run);
        var top = settings.Top ?? (settings.Format == "table" ? 25 : int.MaxValue);
        var rows = Stacking.Order(counts, settings.Rare).Take(top).ToList();
        if (settings.Explain)
        {
            console.WriteLine((Stacking.UsesAggregate(query, field)
                ? $"count-by {field.Name}: answered from the '{field.Name}' aggregate maintained at ingest (no event read)"
                : $"count-by {field.Name}: scan; {run!.BlocksDecoded} of {query.Plan.TotalBlocks} blocks decoded, {run.EventsRead:N0} events read")
                + string.Create(CultureInfo.InvariantCulture, $"; {counts.Count:N0} values; {_clock.Elapsed.TotalMilliseconds:0.0} ms in this process"));
            return ExitCodes.Ok;
        }
        switch (settings.Format)
        {
            case "jsonl":
            {
                using var stdout = Console.OpenStandardOutput();
                foreach (var r in rows)
                {
                    var line = JsonSerializer.Serialize(new { value = r.Value, count = r.Count, first = TimeText.Format(r.FirstTicks), last = TimeText.Format(r.LastTicks) }, CaseChains.Json);
                    stdout.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
                }
                break;
            }
            case "csv":
            {
                using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { NewLine = "\r\n" };
                stdout.WriteLine(CsvText.Row([field.Name, "count", "first", "last"]));
                foreach (var r in rows) stdout.WriteLine(CsvText.Row([r.Value, r.Count.ToString(CultureInfo.InvariantCulture), TimeText.Format(r.FirstTicks), TimeText.Format(r.LastTicks)]));
                break;
            }
            default:
            {
                if (rows.Count == 0)
                {
                    console.MarkupLine($"No matching event has a value for {Markup.Escape(field.Name)}.");
                    break;
                }
                var table = new Table().Border(TableBorder.Simple).AddColumn(Markup.Escape(field.Name)).AddColumn(new TableColumn("count").RightAligned()).AddColumn("first seen (UTC)").AddColumn("last seen (UTC)");
                foreach (var r in rows)
                    table.AddRow(new Text(TerminalText.Cut(r.Value, 80)), new Text(r.Count.ToString("N0", CultureInfo.InvariantCulture)), new Text(r.FirstTicks is { } a ? TableTime(a) : "-"), new Text(r.LastTicks is { } b ? TableTime(b) : "-"));
                console.Write(table);
                if (counts.Count > rows.Count) console.MarkupLine($"{rows.Count} of {counts.Count:N0} values shown; --top N for more.");
                break;
            }
        }
        return ExitCodes.Ok;
    }

    private static void WriteJsonLines(IEnumerable<EventRecord> events, CaseFindings findings, CancellationToken cancellation)
    {
        using var stdout = Console.OpenStandardOutput();
        Report.Exports.EventLines.Write(events, stdout, cancellation, (json, e) =>
        {
            EventJson.Write(json, e, findings.RulesOf(e.Id), findings.PhaseOf(e.Id));
            return true;
        });
    }

    private static readonly JsonSerializerOptions FieldsJsonOptions = new() { Encoder = EventJson.WriterOptions.Encoder };

    private static void WriteCsv(IEnumerable<EventRecord> events, ColumnSet? columns, CaseFindings findings, CancellationToken cancellation)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { NewLine = "\r\n" };
        if (columns is not null)
        {
            stdout.WriteLine(CsvText.Row(columns.Names));
            foreach (var e in events)
            {
                cancellation.ThrowIfCancellationRequested();
                stdout.WriteLine(CsvText.Row(columns.Fields.Select(c => columns.Cell(c, e, findings))));
            }
            return;
        }
        stdout.WriteLine(CsvText.Row(["id", "time", "timeQuality", "host", "parser", "message", "fields", "file", "sha256", "position"]));
        foreach (var e in events)
        {
            cancellation.ThrowIfCancellationRequested();
            // The same JSON escaping as the report's CSV and the JSONL exports (EventJson.WriterOptions).
            var fields = JsonSerializer.Serialize(e.Fields.ToDictionary(kv => kv.Key, kv => kv.Value), FieldsJsonOptions);
            stdout.WriteLine(CsvText.Row([e.Id, TimeText.Format(e.Ticks), TimeQualityText.Format(e.TimeQuality), e.Host, e.Parser, e.Message, fields, e.Origin.File, e.Origin.Sha256, e.Origin.Position.ToString(CultureInfo.InvariantCulture)]));
        }
    }

    /// <summary>Full precision, but without trailing zeros: 03:15:40Z, 03:15:02.481913Z.</summary>
    private static string TableTime(long ticks)
    {
        var text = TimeText.Format(ticks).Replace('T', ' ');
        return text[..^1].TrimEnd('0').TrimEnd('.') + "Z";
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

    private static string TimeCell(EventRecord e) => e.Ticks is { } t ? TableTime(t) : e.SortTicks is { } s ? "≤ " + TableTime(s) : "-";

    private void WriteTable(IEnumerable<EventRecord> events, ColumnSet? columns, CaseFindings findings, int limit, EventRecord? anchor)
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
                cells.AddRange([new Text(TimeCell(e)), new Text(QualityCode.Of(e.TimeQuality)), new Text(TerminalText.Cut(e.Host, 24)), new Text(e.Parser), new Text(TerminalText.Cut(e.Fields.Get("event"), 24)), new Text(TerminalText.Cut(Body(e), 160))]);
            }
            else
            {
                foreach (var c in columns.Fields)
                    cells.Add(new Text(c.Kind == FieldKind.Time ? TimeCell(e) : TerminalText.Cut(columns.Cell(c, e, findings), c.Kind == FieldKind.Message ? 160 : 60)));
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
        if (columns is null) console.MarkupLine(Markup.Escape(QualityCode.Legend));
        if (rows == limit) console.MarkupLine($"Showing the first {rows} events; use --limit N for more, or --format jsonl|csv for all.");
    }
}
