using System.Globalization;
using System.Text.RegularExpressions;

namespace Timeline.Parsers.Live.Last;

/// <summary>
/// The last line of <c>last</c>/<c>lastb</c> output: <c>wtmp begins Sat Nov 28 08:01:12 2026</c> or
/// <c>btmp begins …</c> (the name of the file read, so <c>last -f /var/log/btmp.1</c> says
/// <c>btmp.1 begins</c>). It tells logins from failed logins and gives the year of the oldest record.
/// </summary>
public sealed partial record LastTrailer(bool Failed, DateTime Begins)
{
    public static LastTrailer? TryRead(string line)
    {
        var match = Trailer().Match(line);
        if (!match.Success) return null;
        var failed = match.Groups["file"].Value.StartsWith("btmp", StringComparison.Ordinal);
        var text = Regex.Replace(match.Groups["time"].Value, " +", " ");
        return DateTime.TryParseExact(text, "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var begins)
            ? new LastTrailer(failed, begins)
            : null;
    }

    [GeneratedRegex(@"^(?<file>[wb]tmp[^ ]*) begins (?<time>[A-Z][a-z]{2} [A-Z][a-z]{2} +[0-9]{1,2} [0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{4})\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Trailer();
}
