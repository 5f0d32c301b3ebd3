using Timeline.Detection;
using Timeline.Core.Vocabulary;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output.Chains;
using Timeline.Pipeline;
using Timeline.Core.Store;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline analyze PATH...</c>: the whole job in one command — the pipeline's
/// <see cref="Analyze"/> (ingest, hunt with the bundled rules, chain, report), then each step's result printed.
/// </summary>
[Description("The main job: ingest evidence into a case, tag it with the bundled Sigma rules, reconstruct the attack chain per host and write the HTML report (report.html beside the case). Without --case, writes <first-path-name>.timeline.db in the current folder.")]
public sealed class AnalyzeCommand(IAnsiConsole console) : Command<AnalyzeSettings>
{
    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellation)
    {
        var casePath = settings.Case ?? DefaultCasePath(settings.Paths[0]);
        using var store = CaseStores.OpenForWrite(casePath);
        AnalyzeResult result;
        using (var progress = new ProgressLine())
        {
            result = Analyze.Run(store, new AnalyzeRequest
            {
                Paths = settings.Paths,
                Ingest = IngestRunner.Options(settings, progress, cancellation),
                Hunt = new HuntRequest { Cancellation = cancellation },
                Report = settings.NoReport ? null : new ReportRequest { OutPath = settings.Report, Force = settings.Force, Cancellation = cancellation },
            });
        }
        IngestRunner.Print(console, result.Ingest);
        var code = IngestRunner.ExitCodeOf(result.Ingest);
        if (result.Hunt is null) return code;
        HuntRunner.Print(console, result.Hunt);
        ChainStoryFormat.WriteStory(console, result.Chains ?? []);
        if (result.Report is { } report) ReportCommand.Print(console, report);
        console.MarkupLine($"Case written to [bold]{Markup.Escape(store.Location)}[/]. Next: [bold]timeline stats --case {Markup.Escape(casePath)}[/] · [bold]timeline query --case {Markup.Escape(casePath)}[/]");
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
