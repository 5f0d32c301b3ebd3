using System.Text.RegularExpressions;

namespace Timeline.Parsers.Live.Ss;

/// <summary>
/// The process column of <c>ss -p</c>: <c>users:(("xmrig",pid=1234,fd=5),("xmrig",pid=1235,fd=5))</c>.
/// A socket shared by several processes (a pre-forked server, a miner's workers) lists each; the
/// event carries the first (usually the parent that opened it) and the message keeps them all.
/// The name is the process's comm, which its owner chooses: it may hold quotes and commas, so the
/// match is anchored on <c>",pid=</c>.
/// </summary>
public static partial class SsProcesses
{
    public static (string? Process, string? Pid) First(ReadOnlySpan<char> column)
    {
        if (column.IsEmpty) return (null, null);
        var match = Owner().Match(column.ToString());
        return match.Success ? (match.Groups["name"].Value, match.Groups["pid"].Value) : (null, null);
    }

    [GeneratedRegex("""\("(?<name>.*?)",pid=(?<pid>[0-9]+),""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Owner();
}
