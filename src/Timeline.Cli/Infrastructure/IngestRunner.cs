using Spectre.Console;
using Timeline.Cli.Output;
using Timeline.Core.Ingest;

namespace Timeline.Cli.Infrastructure;

/// <summary>
/// The ingest options of ingest/analyze (<see cref="Options"/>), and what happened to every file
/// (<see cref="Print"/>) with the exit code it means. The ingest itself is the pipeline's step.
/// </summary>
public static class IngestRunner
{
    /// <summary>The options of the command line, reporting progress to <paramref name="progress"/>.</summary>
    public static IngestOptions Options(IngestSettings settings, ProgressLine progress, CancellationToken cancellation)
    {
        TimeZoneOption.TryResolve(settings.TimeZone, out var zone, out _);
        return new IngestOptions
        {
            Host = settings.Host,
            Year = settings.Year,
            TimeZone = settings.TimeZone is null ? null : zone,
            Cancellation = cancellation,
            Progress = progress.Report,
        };
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

    public static void Print(IAnsiConsole console, IngestReport report)
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
