using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Pipeline;
using Timeline.Core.Ingest;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline ingest PATH... --case FILE</c>: evidence into a case file.</summary>
[Description("Read evidence (auth.log/secure, syslog, cron, journald exports, bash history, crontabs, authorized_keys, systemd units, rc.local, ld.so.preload, Windows .evtx) into a case file. Exit codes: 0 done, 1 bad command line, 2 case unusable or busy, 3 some input damaged, 4 nothing recognised.")]
public sealed class IngestCommand(IAnsiConsole console) : Command<IngestCommand.Settings>
{
    public sealed class Settings : IngestSettings
    {
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Case) ? ValidationResult.Error("--case FILE is required: where to store the case (created if missing).") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var store = CaseStores.OpenForWrite(settings.Case!);
        IngestReport report;
        using (var progress = new ProgressLine()) report = IngestStep.Run(store, settings.Paths, IngestRunner.Options(settings, progress, cancellation));
        IngestRunner.Print(console, report);
        var code = IngestRunner.ExitCodeOf(report);
        console.MarkupLine($"Case: [bold]{Markup.Escape(store.Location)}[/]");
        return code;
    }
}
