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
    /// <summary><c>verify</c>: some evidence recorded in the case changed or is missing.</summary>
    public const int EvidenceChanged = 5;
    /// <summary>An output would replace a file that is not a previous output of ours (evidence, the case, any other file); <c>--force</c> allows it.</summary>
    public const int OutputRefused = 6;
    /// <summary>The case path is refused as it is (a symbolic link): name the file itself.</summary>
    public const int CasePathRefused = 7;
    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;
}
