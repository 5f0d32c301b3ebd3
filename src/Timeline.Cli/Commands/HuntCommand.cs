using Timeline.Detection;
using Timeline.Core.Vocabulary;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Pipeline;
using Timeline.Core.Store;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline hunt --case FILE</c>: tag the case's events with Sigma rules.</summary>
[Description("Run Sigma rules over a case and store the matches (replacing earlier hunt results). Default rules: the bundled pack; --rules adds more (e.g. a SigmaHQ checkout).")]
public sealed class HuntCommand(IAnsiConsole console) : Command<HuntCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("--rules <DIR>")]
        [Description("A rule file or folder to load as well (repeatable).")]
        public string[] Rules { get; init; } = [];

        [CommandOption("--no-bundled-rules")]
        [Description("Use only the --rules given, not the bundled pack.")]
        public bool NoBundled { get; init; }

        [CommandOption("--min-level <LEVEL>")]
        [Description("Ignore rules below this level: informational, low, medium, high, critical. Default informational.")]
        [DefaultValue(RuleLevels.Informational)]
        public string MinLevel { get; init; } = RuleLevels.Informational;

        public override ValidationResult Validate()
        {
            if (!RuleLevels.Ordered.Contains(MinLevel))
                return ValidationResult.Error($"--min-level must be {RuleLevels.Listed}, not '{MinLevel}'.");
            if (NoBundled && Rules.Length == 0) return ValidationResult.Error("--no-bundled-rules needs at least one --rules DIR.");
            foreach (var r in Rules)
                if (!Directory.Exists(r) && !File.Exists(r)) return ValidationResult.Error($"--rules '{r}' does not exist.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var dirs = (settings.NoBundled ? [] : new[] { BundledKnowledge.Rules }).Concat(settings.Rules).ToList();
        using var store = CaseStores.OpenForWrite(settings.Case!);
        HuntRunner.Print(console, HuntStep.Run(store, new HuntRequest { RuleDirs = dirs, MinLevel = settings.MinLevel, Cancellation = cancellation }));
        return ExitCodes.Ok;
    }
}
