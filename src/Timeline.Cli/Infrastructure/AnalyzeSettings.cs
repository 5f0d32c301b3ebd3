using System.ComponentModel;
using Spectre.Console.Cli;

namespace Timeline.Cli.Infrastructure;

/// <summary>Options of <c>analyze</c>: those of ingest plus where the report goes.</summary>
public sealed class AnalyzeSettings : IngestSettings
{
    [CommandOption("--report <PATH>")]
    [Description("Where to write the HTML report (default: report.html beside the case file).")]
    public string? Report { get; init; }

    [CommandOption("--force")]
    [Description("Replace an existing --report file that timeline did not write (evidence and the case are never replaced).")]
    public bool Force { get; init; }

    [CommandOption("--no-report")]
    [Description("Do not write the HTML report.")]
    public bool NoReport { get; init; }
}
