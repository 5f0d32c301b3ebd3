using Spectre.Console;
using Spectre.Console.Cli;
using Timeline.Core.Store;

namespace Timeline.Cli.Infrastructure;

/// <summary>Turns exceptions into one clear message on stderr and a meaningful exit code.</summary>
public static class ErrorReport
{
    private static readonly IAnsiConsole Stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static int Handle(Exception ex)
    {
        var (code, message) = ex switch
        {
            CommandParseException or CommandRuntimeException => (ExitCodes.Usage, ex.Message + " (see: timeline --help)"),
            Pipeline.OutputRefusedException => (ExitCodes.OutputRefused, ex.Message),
            CasePathException => (ExitCodes.CasePathRefused, ex.Message),
            CaseBusyException => (ExitCodes.CaseUnavailable, ex.Message),
            CaseFormatException => (ExitCodes.CaseUnavailable, ex.Message),
            FileNotFoundException => (ExitCodes.CaseUnavailable, ex.Message),
            CaseWriteException { DiskFull: true } => (ExitCodes.CaseUnavailable, ex.Message + " Free disk space or choose another --case; the events committed so far remain usable."),
            CaseWriteException => (ExitCodes.CaseUnavailable, ex.Message + " The events committed so far remain usable."),
            OperationCanceledException => (ExitCodes.Interrupted, "Interrupted. Files finished so far are in the case; re-run the same command to continue (finished files are skipped)."),
            UnauthorizedAccessException => (ExitCodes.CaseUnavailable, ex.Message),
            _ => (ExitCodes.CaseUnavailable, $"Unexpected error: {ex.GetType().Name}: {ex.Message}"),
        };
        Stderr.MarkupLine($"[red]error:[/] {Markup.Escape(Output.TerminalText.Safe(message))}");
        return code;
    }
}
