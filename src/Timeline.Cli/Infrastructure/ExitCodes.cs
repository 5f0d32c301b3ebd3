namespace Timeline.Cli.Infrastructure;

/// <summary>What the process exit code means (documented in the README and --help).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad command line: unknown option, invalid value, missing argument.</summary>
    public const int Usage = 1;
    /// <summary>The case cannot be used: missing, not a case, damaged, or busy in another process.</summary>
    public const int CaseUnavailable = 2;
    /// <summary>Done, but some input was damaged, unrecognised or unreadable (see warnings).</summary>
    public const int DoneWithWarnings = 3;
    /// <summary>Nothing usable: no input path exists or no file was recognised.</summary>
    public const int NothingIngested = 4;
    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;
}
