using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline query --case FILE</c>: list events in timeline order, optionally in a time window.</summary>
[Description("List the case's events in time order (--from/--to window), as a table, JSON lines or CSV.")]
public sealed class QueryCommand(IAnsiConsole console) : Command<QueryCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("table (default), jsonl (one JSON object per event; stable contract) or csv.")]
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

        public override ValidationResult Validate()
        {
            if (Format is not ("table" or "jsonl" or "csv")) return ValidationResult.Error($"--format must be table, jsonl or csv, not '{Format}'.");
            if (From is not null && !TimeText.TryParse(From, out _)) return ValidationResult.Error($"--from '{From}' is not an ISO 8601 time (e.g. 2024-03-02T03:00:00Z).");
            if (To is not null && !TimeText.TryParse(To, out _)) return ValidationResult.Error($"--to '{To}' is not an ISO 8601 time (e.g. 2024-03-02T04:00:00Z).");
            if (Limit is < 0) return ValidationResult.Error("--limit must be 0 or more.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        long? from = settings.From is { } f && TimeText.TryParse(f, out var ft) ? ft : null;
        long? to = settings.To is { } t && TimeText.TryParse(t, out var tt) ? tt : null;
        using var store = CaseStore.OpenForRead(settings.Case!);
        var limit = settings.Limit ?? (settings.Format == "table" ? 100 : int.MaxValue);
        var events = store.Events(new TimeWindow(from, to)).Take(limit);
        switch (settings.Format)
        {
            case "jsonl": WriteJsonLines(events, cancellation); break;
            case "csv": WriteCsv(events, cancellation); break;
            default: WriteTable(events, limit); break;
        }
        return ExitCodes.Ok;
    }

    private static void WriteJsonLines(IEnumerable<Core.Events.EventRecord> events, CancellationToken cancellation)
    {
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        using var json = new Utf8JsonWriter(stdout, EventJson.WriterOptions);
        foreach (var e in events)
        {
            cancellation.ThrowIfCancellationRequested();
            EventJson.Write(json, e);
            json.Flush();
            json.Reset();
            stdout.WriteByte((byte)'\n');
        }
    }

    private static void WriteCsv(IEnumerable<Core.Events.EventRecord> events, CancellationToken cancellation)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { NewLine = "\r\n" };
        stdout.WriteLine(CsvText.Row(["id", "time", "timeQuality", "host", "parser", "message", "fields", "file", "sha256", "position"]));
        foreach (var e in events)
        {
            cancellation.ThrowIfCancellationRequested();
            var fields = JsonSerializer.Serialize(e.Fields.ToDictionary(kv => kv.Key, kv => kv.Value));
            stdout.WriteLine(CsvText.Row([e.Id, TimeText.Format(e.Ticks), Core.Events.TimeQualityText.Format(e.TimeQuality), e.Host, e.Parser, e.Message, fields, e.Origin.File, e.Origin.Sha256, e.Origin.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }
    }

    /// <summary>Full precision, but without trailing zeros: 03:15:40Z, 03:15:02.481913Z.</summary>
    private static string TableTime(long ticks)
    {
        var text = TimeText.Format(ticks).Replace('T', ' ');
        return text[..^1].TrimEnd('0').TrimEnd('.') + "Z";
    }

    /// <summary>The table already shows time and host: start the message at the program name when it has one.</summary>
    private static string Body(Core.Events.EventRecord e)
    {
        if (e.Fields.Get("program") is { Length: > 0 } program)
        {
            var at = e.Message.IndexOf(program, StringComparison.Ordinal);
            if (at > 0) return e.Message[at..];
        }
        return e.Message;
    }

    private void WriteTable(IEnumerable<Core.Events.EventRecord> events, int limit)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("time (UTC)").AddColumn("q").AddColumn("host").AddColumn("parser").AddColumn("event").AddColumn("message");
        var rows = 0;
        foreach (var e in events)
        {
            var time = e.Ticks is { } t ? TableTime(t) : e.SortTicks is { } s ? "≤ " + TableTime(s) : "-";
            table.AddRow(new Text(time), new Text(QualityCode.Of(e.TimeQuality)), new Text(TerminalText.Cut(e.Host, 24)), new Text(e.Parser), new Text(TerminalText.Cut(e.Fields.Get("event"), 24)), new Text(TerminalText.Cut(Body(e), 160)));
            rows++;
        }
        if (rows == 0)
        {
            console.MarkupLine("No events in this window.");
            return;
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape(QualityCode.Legend));
        if (rows == limit) console.MarkupLine($"Showing the first {rows} events; use --limit N for more, or --format jsonl|csv for all.");
    }
}
