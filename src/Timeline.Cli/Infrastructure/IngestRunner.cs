using Spectre.Console;
using Timeline.Cli.Output;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Parsers;

namespace Timeline.Cli.Infrastructure;

/// <summary>Runs an ingest for ingest/analyze and prints what happened to every file.</summary>
public static class IngestRunner
{
    public static (IngestReport Report, int ExitCode) Run(IAnsiConsole console, CaseStore store, IngestSettings settings, CancellationToken cancellation)
    {
        TimeZoneOption.TryResolve(settings.TimeZone, out var zone, out _);
        using var progress = new ProgressLine();
        var options = new IngestOptions
        {
            Host = settings.Host,
            Year = settings.Year,
            TimeZone = zone,
            Cancellation = cancellation,
            Progress = progress.Report,
        };
        var report = new IngestPipeline(ParserCatalog.Detector(), options).Run(store, settings.Paths);
        progress.Dispose();
        Print(console, report);
        return (report, ExitCodeOf(report));
    }

    public static int ExitCodeOf(IngestReport report)
    {
        var usable = report.Files.Any(f => f.Status is FileStatus.Ingested or FileStatus.AlreadyIngested);
        if (!usable) return ExitCodes.NothingIngested;
        // Unrecognised files (binary wtmp, journals, READMEs) are normal in a triage folder: listed, not an error.
        var damaged = report.Files.Any(f => f.Status == FileStatus.Ingested && f.Warnings > 0);
        if (report.MissingPaths.Count > 0 || damaged || report.Files.Any(f => f.Status == FileStatus.Unreadable)) return ExitCodes.DoneWithWarnings;
        return ExitCodes.Ok;
    }

    private static void Print(IAnsiConsole console, IngestReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Evidence");
        table.AddColumn("file");
        table.AddColumn("parser");
        table.AddColumn(new TableColumn("events").RightAligned());
        table.AddColumn(new TableColumn("warnings").RightAligned());
        table.AddColumn("result");
        foreach (var f in report.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var result = f.Status switch
            {
                FileStatus.Ingested => "ingested",
                FileStatus.AlreadyIngested => "skipped: " + f.Note,
                FileStatus.Unrecognized => "not ingested: " + f.Note,
                _ => "unreadable: " + f.Note,
            };
            table.AddRow(new Text(TerminalText.Safe(f.Path)), new Text(f.Parser ?? "-"), new Text(f.Events.ToString("N0")), new Text(f.Warnings.ToString("N0")), new Text(TerminalText.Safe(result)));
        }
        if (report.Files.Count > 0) console.Write(table);
        foreach (var missing in report.MissingPaths) console.MarkupLine($"[red]No such file or folder:[/] {Markup.Escape(TerminalText.Safe(missing))}");
        var rate = report.Elapsed.TotalSeconds > 0 ? report.Events / report.Elapsed.TotalSeconds : 0;
        console.MarkupLine($"{report.Count(FileStatus.Ingested)} file(s) ingested, {report.Count(FileStatus.AlreadyIngested)} already in the case, {report.Count(FileStatus.Unrecognized)} unrecognised; {report.Events:N0} events, {report.Warnings:N0} warnings in {report.Elapsed.TotalSeconds:N1} s ({rate:N0} events/s).");
        if (report.Warnings > 0) console.MarkupLine("Warnings are stored in the case: [bold]timeline stats --case FILE[/] lists them.");
    }
}
