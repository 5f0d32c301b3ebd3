using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Timeline.Cli.Infrastructure;

/// <summary>Options for reading evidence (ingest and analyze).</summary>
public class IngestSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Evidence files or folders (folders are read recursively; .gz rotations are fine). Formats are detected by content, not by name.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("-c|--case <FILE>")]
    [Description("The case file to create or add to.")]
    public virtual string? Case { get; init; }

    [CommandOption("--host <NAME>")]
    [Description("Stamp every event with this host name (default: the host each log line names; files that name none take their neighbours' host).")]
    public string? Host { get; init; }

    [CommandOption("--timezone <TZ>")]
    [Description("Zone of times written without one (traditional syslog), e.g. Europe/Berlin. Default UTC. Such times are marked zone-assumed.")]
    public string? TimeZone { get; init; }

    [CommandOption("--year <YYYY>")]
    [Description("Year of the first year-less syslog line (default: inferred from the file's modification time, with Dec→Jan rollover). Marked year-inferred either way.")]
    public int? Year { get; init; }

    public override ValidationResult Validate()
    {
        if (Paths.Length == 0) return ValidationResult.Error("Give at least one evidence PATH (a file or a folder).");
        if (Year is { } y && (y < 1970 || y > 9999)) return ValidationResult.Error($"--year {y} is not a plausible year (1970-9999).");
        if (!TimeZoneOption.TryResolve(TimeZone, out _, out var error)) return ValidationResult.Error(error);
        return ValidationResult.Success();
    }
}
