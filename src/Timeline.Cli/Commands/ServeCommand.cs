using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Cli.Infrastructure;
using Timeline.Pipeline;
using Timeline.Core.Store;
using Timeline.Web;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline serve --case FILE [--port N]</c>: the local web view. Read-only: the case is opened
/// with the shared lock, so an ingest cannot write while it serves (and serving a case that is being
/// ingested fails clearly). Listens on 127.0.0.1 only; stops on Ctrl-C.
/// </summary>
[Description("Browse the case in a local web page (127.0.0.1 only, read-only): query bar, histogram, events with pivots, attack chains.")]
public sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CaseSettings
    {
        [CommandOption("--port <N>")]
        [Description("TCP port on 127.0.0.1 (default 8642; 0 picks a free one).")]
        [DefaultValue(8642)]
        public int Port { get; init; } = 8642;

        public override ValidationResult Validate() =>
            Port is < 0 or > 65535 ? ValidationResult.Error("--port must be 0 to 65535.") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        using var store = CaseStores.OpenForRead(settings.Case!);
        await using var app = TimelineServer.Build(store, settings.Port);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: cannot listen on 127.0.0.1:{settings.Port}: {ex.Message} (choose another --port, or --port 0)");
            return ExitCodes.Usage;
        }
        console.WriteLine($"Serving {Path.GetFileName(store.Location)} read-only at {TimelineServer.Address(app)}  (Ctrl-C to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
