using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Cli.Output;
using Timeline.Cli.Output.Chains;
using Timeline.Pipeline;
using Timeline.Core.Store;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline chain --case FILE</c>: the attack chain per host — entry point and why, steps with
/// times, mining start, IOCs, response checklist. Builds and stores the chains when the case has
/// none (or with <c>--rebuild</c>), opening the case for writing; a read-only case shows the stored
/// chains. Registered with <c>config.AddCommand&lt;ChainCommand&gt;("chain")</c>.
/// </summary>
[Description("Reconstruct the intrusion per host: entry point and root cause, steps, mining start, IOCs and the response plan.")]
public sealed class ChainCommand(IAnsiConsole console) : Command<ChainCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("--format <FORMAT>")]
        [ChainFormatHelp]
        [DefaultValue(ChainFormats.Default)]
        public string Format { get; init; } = ChainFormats.Default;

        [CommandOption("--rebuild")]
        [Description("Build the chains again from events and rule matches even if the case already has chains.")]
        public bool Rebuild { get; init; }

        public override ValidationResult Validate() =>
            ChainFormats.Find(Format) is not null ? base.Validate() : ValidationResult.Error($"--format must be one of {string.Join(", ", ChainFormats.Names)}, not '{Format}'.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        // One open in the common case: read the stored chains and render them from that store. Only
        // when chains must be built (none stored, or --rebuild) is the case opened for writing instead.
        var reader = CaseStores.OpenForRead(settings.Case!);
        var store = reader;
        try
        {
            if (settings.Rebuild || (reader.Chains.Load().Count == 0 && CanWrite(settings.Case!)))
            {
                reader.Dispose();
                store = CaseStores.OpenForWrite(settings.Case!);
            }
            var chains = ChainStep.LoadOrBuild(store, settings.Rebuild);
            using var stdout = StandardOutput.Open();
            ChainFormats.Find(settings.Format)!.Write(console, stdout, store, chains);
        }
        finally
        {
            store.Dispose();
        }
        return ExitCodes.Ok;
    }

    private static bool CanWrite(string path)
    {
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
