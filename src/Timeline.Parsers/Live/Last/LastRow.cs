using System.Text.RegularExpressions;

namespace Timeline.Parsers.Live.Last;

/// <summary>
/// One row of <c>last</c>/<c>lastb</c> output (util-linux):
/// <code>
/// root     pts/1        203.0.113.45     Mon Nov 30 03:15 - 03:27  (00:12)
/// root     pts/1        203.0.113.45     Mon Nov 30 03:15:02 2026 - Mon Nov 30 03:27:41 2026  (00:12)   (-F)
/// deploy   pts/3        192.0.2.10       Wed Dec  2 11:02:44 2026   still logged in
/// bob      tty1                          Wed Dec  2 07:55    gone - no logout
/// root     pts/0        10.0.0.1         Tue Dec  1 09:00 - crash  (1+02:03)
/// reboot   system boot  6.1.0-18-amd64   Sat Nov 28 08:01   still running
/// </code>
/// The login time (weekday, month, day, time, and the year with <c>-F</c>) is the anchor: before it are
/// user, tty and host (the host column is empty for local logins; <c>-i</c> prints addresses,
/// <c>0.0.0.0</c> when there is none); after it the logout (a time, a date with <c>-F</c>, <c>crash</c>,
/// <c>down</c>) and the duration in parentheses, or a state (<c>still logged in</c>, <c>gone - no logout</c>).
/// A failed user name (lastb) is what the attacker typed and may hold spaces: the user is everything
/// before the tty and host cells.
/// </summary>
public sealed partial record LastRow(string User, string? Tty, string? Host, int Month, int Day, int Hour, int Minute, int Second, int? Year, string? Logout, string? Duration, string? State)
{
    /// <summary>A boot, shutdown or run-level record (<c>reboot   system boot</c>, <c>runlevel (to lvl 3)</c>): not a login.</summary>
    public bool IsSystemRecord { get; private init; }

    public static LastRow? TryRead(string line)
    {
        var match = Login().Match(line);
        if (!match.Success) return null;
        var before = line[..match.Index];
        var cells = before.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (cells.Length == 0) return null;
        string user;
        string? tty = null, host = null;
        if (before.StartsWith("reboot   system boot", StringComparison.Ordinal) || before.StartsWith("shutdown system down", StringComparison.Ordinal))
        {
            user = cells[0];
            tty = cells[1] + " " + cells[2];
            host = cells.Length > 3 ? cells[3] : null;
        }
        else if (cells.Length == 1) user = cells[0];
        else if (cells.Length == 2) { user = cells[0]; tty = cells[1]; }
        else
        {
            user = string.Join(' ', cells[..^2]);
            tty = cells[^2];
            host = cells[^1];
        }
        var month = Array.IndexOf(Months, match.Groups["month"].Value) + 1;
        var rest = line[(match.Index + match.Length)..].Trim();
        string? logout = null, duration = null, state = null;
        if (rest.StartsWith("- ", StringComparison.Ordinal))
        {
            var paren = rest.LastIndexOf('(');
            logout = (paren > 0 ? rest[2..paren] : rest[2..]).Trim();
            if (paren > 0 && rest.EndsWith(')')) duration = rest[(paren + 1)..^1];
            state = logout is "crash" or "down" ? logout : "logged out";
        }
        else if (rest.Length > 0) state = rest;
        return new LastRow(user, tty, host == "0.0.0.0" ? null : host, month, int.Parse(match.Groups["day"].ValueSpan),
            int.Parse(match.Groups["hour"].ValueSpan), int.Parse(match.Groups["minute"].ValueSpan),
            match.Groups["second"].Success ? int.Parse(match.Groups["second"].ValueSpan) : 0,
            match.Groups["year"].Success ? int.Parse(match.Groups["year"].ValueSpan) : null,
            logout, duration, state)
        {
            IsSystemRecord = cells[0] is "reboot" or "shutdown" or "runlevel" && (before.Contains(" system ", StringComparison.Ordinal) || before.Contains("(to lvl", StringComparison.Ordinal)),
        };
    }

    public static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // The login time: weekday, month, day, HH:MM[:SS] and, with -F, the year. The login time follows
    // at least one space after the columns before it.
    [GeneratedRegex(@"(?<=\s)(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(?<day>[0-9]{1,2}) (?<hour>[0-2][0-9]):(?<minute>[0-5][0-9])(?::(?<second>[0-6][0-9]))?(?: (?<year>[0-9]{4}))?(?=\s|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Login();
}
