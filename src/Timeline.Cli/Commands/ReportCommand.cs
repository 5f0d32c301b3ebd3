using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Pipeline;
using Timeline.Core.Store;
using Timeline.Report;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline report --case FILE [--out PATH] [--format html|csv|jsonl|timesketch]</c>: the
/// deliverable. Formats are the <see cref="IReportWriter"/> classes found by <see cref="ReportFormats"/>;
/// the writing is the pipeline's <see cref="ReportStep"/>.
/// </summary>
[Description("Write the report of a case: one self-contained HTML file (the story, charts, indicators, evidence), or every event as CSV, JSON lines or Timesketch JSONL.")]
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("-o|--out <PATH>")]
        [Description("Where to write (default: report.<ext> beside the case file; '-' writes to standard output). An existing report is replaced only once the new one is complete; any other existing file only with --force, evidence and the case never.")]
        public string? Out { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [ReportFormatHelp]
        [DefaultValue("html")]
        public string Format { get; init; } = "html";

        [CommandOption("--force")]
        [Description("Replace an existing --out file that timeline did not write. Evidence recorded in the case and the case itself are never replaced.")]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (ReportFormats.Find(Format) is null)
                return ValidationResult.Error($"--format must be one of {string.Join(", ", ReportFormats.Names)}, not '{Format}'.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var store = CaseStores.OpenForRead(settings.Case!);
        var request = new ReportRequest { Format = settings.Format, OutPath = settings.Out, Force = settings.Force, Cancellation = cancellation };
        if (settings.Out == "-")
        {
            using var stdout = StandardOutput.Open();
            ReportStep.Write(store, stdout, request);
            return ExitCodes.Ok;
        }
        Print(console, ReportStep.Write(store, request));
        return ExitCodes.Ok;
    }

    /// <summary>Where the report went, its size and time (also what <c>analyze</c> prints).</summary>
    public static void Print(IAnsiConsole console, ReportResult r) =>
        console.MarkupLine($"Report ({Markup.Escape(r.Format)}) written to [bold]{Markup.Escape(r.Path)}[/] ({r.Bytes / 1024.0:N0} KB in {r.Elapsed.TotalSeconds:N1} s).");
}
