using Timeline.Core.Vocabulary;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Pipeline;
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
        try
        {
            if (settings.Save is { } name) SaveQuery(settings, name);
            _clock.Restart();
            using var store = CaseStores.OpenForRead(settings.Case!);
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
        using var store = CaseStores.OpenForWrite(settings.Case!);
        _ = CompiledQuery.Compile(store, settings.Text);
        store.Queries.Save(new SavedQuery(name, settings.Text, DateTime.UtcNow.Ticks));
        Console.Error.WriteLine($"Saved as '{TerminalText.Safe(name)}'. Run it again with: timeline query --case {settings.Case} --run {name}");
    }

    private int ListSaved(ICaseStore store)
    {
        var saved = store.Queries.All();
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

    private int Query(ICaseStore store, Settings settings, CancellationToken cancellation)
    {
        var text = settings.Text;
        if (settings.Run is { } runName)
        {
            var saved = store.Queries.Find(runName);
            if (saved is null)
            {
                var names = store.Queries.All().Select(q => q.Name).ToList();
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
        if (settings.Format == QueryFormats.Table) EventTable.Write(console, events, columns, query.Findings, limit, anchor);
        else
        {
            using var stdout = StandardOutput.Open();
            using var rows = EventRowFormats.Find(settings.Format)!.Open(stdout, columns ?? (IEventColumns)EventRow.Default);
            foreach (var e in query.Findings.Join(events))
            {
                cancellation.ThrowIfCancellationRequested();
                rows.Write(e, query.Findings);
            }
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
        ValueCountOutput.Write(console, settings.Format, field.Name, rows, counts.Count);
        return ExitCodes.Ok;
    }
}
