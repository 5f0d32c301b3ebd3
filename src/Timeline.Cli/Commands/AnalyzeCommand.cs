using Timeline.Detection;
using Timeline.Core.Vocabulary;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Core.Store;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline analyze PATH...</c>: the whole job in one command. Today: ingest; detection, the
/// attack chain and the report join as they land.
/// </summary>
[Description("The main job: ingest evidence into a case, tag it with the bundled Sigma rules, reconstruct the attack chain per host and write the HTML report (report.html beside the case). Without --case, writes <first-path-name>.timeline.db in the current folder.")]
public sealed class AnalyzeCommand(IAnsiConsole console) : Command<AnalyzeSettings>
{
    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellation)
    {
        var casePath = settings.Case ?? DefaultCasePath(settings.Paths[0]);
        using var store = CaseStore.OpenForWrite(casePath);
        var (_, code) = IngestRunner.Run(console, store, settings, cancellation);
        if (code == ExitCodes.NothingIngested) return code;
        HuntRunner.Run(console, store, [BundledKnowledge.Rules], RuleLevels.Informational, cancellation);
        var chains = ChainCommand.BuildAndStore(store);
        ChainCommand.WriteStory(console, chains);
        if (!settings.NoReport) ReportCommand.WriteReport(console, store, settings.Report, "html", cancellation);
        console.MarkupLine($"Case written to [bold]{Markup.Escape(store.Path)}[/]. Next: [bold]timeline stats --case {Markup.Escape(casePath)}[/] · [bold]timeline query --case {Markup.Escape(casePath)}[/]");
        return code;
    }

    /// <summary>A case named after the evidence, in the current folder: analyze of the same evidence reuses it.</summary>
    public static string DefaultCasePath(string firstPath)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(firstPath)));
        if (string.IsNullOrEmpty(name)) name = "evidence";
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(Directory.GetCurrentDirectory(), safe + ".timeline.db");
    }
}
