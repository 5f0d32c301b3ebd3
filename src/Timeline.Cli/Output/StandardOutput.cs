using Timeline.Core.Output;

namespace Timeline.Cli.Output;

/// <summary>
/// Standard output for machine formats: unchanged (byte-exact) to a file or a pipe, through
/// <see cref="VisibleLineStream"/> when it is a terminal, whatever the format.
/// </summary>
public static class StandardOutput
{
    public static Stream Open() => Open(!Console.IsOutputRedirected);

    public static Stream Open(bool isTerminal)
    {
        var stdout = Console.OpenStandardOutput();
        return isTerminal ? new VisibleLineStream(stdout) : stdout;
    }
}
