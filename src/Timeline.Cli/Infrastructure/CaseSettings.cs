using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Timeline.Cli.Infrastructure;

/// <summary>Options shared by every command that reads an existing case.</summary>
public class CaseSettings : CommandSettings
{
    [CommandOption("-c|--case <FILE>")]
    [Description("The case file (written by 'timeline ingest' or 'timeline analyze').")]
    public string? Case { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Case) ? ValidationResult.Error("--case FILE is required: the case file to read.") : ValidationResult.Success();
}
