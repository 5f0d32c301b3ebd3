using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Pipeline;
using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline stats --case FILE</c>: what is in a case, read from the aggregates kept at ingest.</summary>
[Description("Summarise a case: events by parser and host, time range, every evidence file with SHA-256 and counts, warnings.")]
public sealed class StatsCommand(IAnsiConsole console) : Command<StatsCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--warnings <N>")]
        [Description("How many warnings to list (default 20; json lists up to 1000).")]
        public int? Warnings { get; init; }

        public override ValidationResult Validate() =>
            Format is "table" or "json" ? base.Validate() : ValidationResult.Error($"--format must be table or json, not '{Format}'.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var json = settings.Format == "json";
        CaseSummary summary;
        using (var store = CaseStores.OpenForRead(settings.Case!)) summary = StatsStep.Run(store, settings.Warnings ?? (json ? 1000 : 20));
        if (json) WriteJson(summary);
        else WriteTable(summary);
        return ExitCodes.Ok;
    }

    private static void WriteJson(CaseSummary s)
    {
        using var stdout = StandardOutput.Open();
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("case", s.Location);
        json.WriteNumber("events", s.Events);
        json.WriteNumber("warnings", s.Warnings);
        json.WriteString("first", TimeText.Format(s.First));
        json.WriteString("last", TimeText.Format(s.Last));
        WriteCounts(json, "byParser", s.ByParser);
        WriteCounts(json, "byHost", s.ByHost);
        json.WriteStartArray("files");
        foreach (var f in s.Files)
        {
            json.WriteStartObject();
            json.WriteString("path", f.Path);
            json.WriteStartArray("otherPaths");
            foreach (var p in f.OtherPaths) json.WriteStringValue(p);
            json.WriteEndArray();
            json.WriteString("sha256", f.Sha256);
            json.WriteString("parser", f.Parser);
            json.WriteString("format", f.Format);
            json.WriteNumber("events", f.Events);
            json.WriteNumber("warnings", f.Warnings);
            json.WriteNumber("size", f.Size);
            json.WriteString("modified", TimeText.Format(f.ModifiedTicks));
            json.WriteString("first", TimeText.Format(f.FirstTicks));
            json.WriteString("last", TimeText.Format(f.LastTicks));
            WriteCounts(json, "timeQuality", f.EventsByTimeQuality);
            json.WriteString("host", f.HostNote);
            json.WriteString("state", f.State == EvidenceState.Complete ? "complete" : "incomplete");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("warningList");
        foreach (var w in s.WarningList)
        {
            json.WriteStartObject();
            json.WriteString("file", w.File);
            json.WriteNumber(w.Kind, w.Position);
            json.WriteString("message", w.Message);
            json.WriteString("excerpt", w.Excerpt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stdout.WriteByte((byte)'\n');
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, long>> counts)
    {
        json.WriteStartObject(name);
        foreach (var (k, v) in counts) json.WriteNumber(k, v);
        json.WriteEndObject();
    }

    private void WriteTable(CaseSummary s)
    {
        console.MarkupLine($"[bold]Case[/] {Markup.Escape(TerminalText.Safe(s.Location))}: {s.Events:N0} events, {s.Warnings:N0} warnings, {Markup.Escape(TimeText.Format(s.First) ?? "-")} → {Markup.Escape(TimeText.Format(s.Last) ?? "-")}");
        var byParser = new Table().Border(TableBorder.Rounded).Title("Events by parser").AddColumn("parser").AddColumn(new TableColumn("events").RightAligned());
        foreach (var (k, v) in s.ByParser) byParser.AddRow(new Text(k), new Text(v.ToString("N0")));
        var byHost = new Table().Border(TableBorder.Rounded).Title("Events by host").AddColumn("host").AddColumn(new TableColumn("events").RightAligned()).AddColumn("first").AddColumn("last");
        foreach (var h in s.Hosts) byHost.AddRow(new Text(TerminalText.Safe(h.Value)), new Text(h.Count.ToString("N0")), new Text(TimeText.Format(h.FirstTicks) ?? "-"), new Text(TimeText.Format(h.LastTicks) ?? "-"));
        console.Write(new Columns(byParser, byHost));
        var files = new Table().Border(TableBorder.Rounded).Title("Evidence files (chain of custody)")
            .AddColumn("file").AddColumn("sha256").AddColumn("parser").AddColumn(new TableColumn("events").RightAligned()).AddColumn(new TableColumn("warnings").RightAligned()).AddColumn("time known as").AddColumn("host");
        foreach (var f in s.Files)
        {
            var quality = string.Join(", ", f.EventsByTimeQuality.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N0}"));
            var state = f.State == EvidenceState.Complete ? "" : " (INCOMPLETE: re-run ingest)";
            var also = f.OtherPathCount switch
            {
                0 => "",
                1 => "\n(same bytes also at " + TerminalText.Safe(f.OtherPaths[0]) + ")",
                _ => $"\n(same bytes also at {f.OtherPathCount:N0} other paths, first {TerminalText.Safe(f.OtherPaths[0])})",
            };
            files.AddRow(new Text(TerminalText.Safe(f.Path) + state + also), new Text(f.Sha256), new Text(f.Parser), new Text(f.Events.ToString("N0")), new Text(f.Warnings.ToString("N0")), new Text(quality), new Text(TerminalText.Safe(f.HostNote)));
        }
        console.Write(files);
        if (s.Warnings == 0) return;
        var warnings = new Table().Border(TableBorder.Rounded).Title($"Warnings (first {s.WarningList.Count} of {s.Warnings:N0})").AddColumn("file").AddColumn("at").AddColumn("warning").AddColumn("excerpt");
        foreach (var w in s.WarningList)
            warnings.AddRow(new Text(TerminalText.Safe(w.File)), new Text($"{w.Kind} {w.Position}"), new Text(TerminalText.Safe(w.Message)), new Text(TerminalText.Cut(w.Excerpt, 60)));
        console.Write(warnings);
    }
}
