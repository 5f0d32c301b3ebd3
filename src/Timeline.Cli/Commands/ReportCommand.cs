using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Core.Store;
using Timeline.Report;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline report --case FILE [--out PATH] [--format html|csv|jsonl|timesketch]</c>: the
/// deliverable. Formats are the <see cref="IReportWriter"/> classes found by <see cref="ReportFormats"/>.
/// <see cref="WriteReport"/> is what <c>analyze --report</c> calls.
/// </summary>
[Description("Write the report of a case: one self-contained HTML file (the story, charts, indicators, evidence), or every event as CSV, JSON lines or Timesketch JSONL.")]
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("-o|--out <PATH>")]
        [Description("Where to write (default: report.<ext> beside the case file; '-' writes to standard output). An existing file is replaced only once the new report is complete.")]
        public string? Out { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("html (default): one self-contained file to open in a browser; csv: every event, safe for spreadsheets; jsonl: every event in the query contract with rules and phase; timesketch: Timesketch's JSONL import format.")]
        [DefaultValue("html")]
        public string Format { get; init; } = "html";

        public override ValidationResult Validate()
        {
            if (ReportFormats.Find(Format) is null)
                return ValidationResult.Error($"--format must be one of {string.Join(", ", ReportFormats.Names)}, not '{Format}'.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var store = CaseStore.OpenForRead(settings.Case!);
        if (settings.Out == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            ReportFormats.Find(settings.Format)!.Write(store, stdout, new ReportOptions { Cancellation = cancellation });
            return ExitCodes.Ok;
        }
        WriteReport(console, store, settings.Out, settings.Format, cancellation);
        return ExitCodes.Ok;
    }

    /// <summary>The default output: <c>report.&lt;ext&gt;</c> in the folder of the case file.</summary>
    public static string DefaultPath(string casePath, string format)
    {
        var writer = ReportFormats.Find(format) ?? throw new ArgumentException($"unknown report format '{format}'", nameof(format));
        var folder = Path.GetDirectoryName(Path.GetFullPath(casePath)) ?? Directory.GetCurrentDirectory();
        return Path.Combine(folder, "report." + writer.Extension);
    }

    /// <summary>
    /// Writes the report of an open case (read-only or not) to <paramref name="outPath"/> (null: the
    /// default path), through a temporary file that replaces the target only when complete, prints
    /// where it went and returns the full path. Used by <c>report</c> and by <c>analyze --report</c>.
    /// </summary>
    public static string WriteReport(IAnsiConsole console, CaseStore store, string? outPath, string format, CancellationToken cancellation)
    {
        var writer = ReportFormats.Find(format) ?? throw new ArgumentException($"unknown report format '{format}'", nameof(format));
        var target = Path.GetFullPath(outPath ?? DefaultPath(store.Path, format));
        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var temp = target + ".partial-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                writer.Write(store, file, new ReportOptions { Cancellation = cancellation });
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        var size = new FileInfo(target).Length;
        console.MarkupLine($"Report ({Markup.Escape(writer.Format)}) written to [bold]{Markup.Escape(target)}[/] ({size / 1024.0:N0} KB in {clock.Elapsed.TotalSeconds:N1} s).");
        return target;
    }
}
