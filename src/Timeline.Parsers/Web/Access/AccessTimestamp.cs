namespace Timeline.Parsers.Web.Access;

/// <summary>
/// The Common Log Format time, <c>dd/Mon/yyyy:HH:MM:SS ±hhmm</c> (Apache <c>%t</c>, nginx <c>$time_local</c>):
/// local time with its offset, so the instant is exact. Month names are English whatever the locale.
/// </summary>
public static class AccessTimestamp
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>UTC ticks of <paramref name="s"/> (the text between the brackets), or null when it is not that shape or not a real date.</summary>
    public static long? TryParse(ReadOnlySpan<char> s)
    {
        // 0         1         2
        // 01234567890123456789012345
        // 13/Jan/2016:19:31:16 +0000
        if (s.Length != 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':' || s[20] != ' ') return null;
        if (s[21] is not ('+' or '-')) return null;
        var month = Array.IndexOf(Months, s.Slice(3, 3).ToString()) + 1;
        if (month == 0) return null;
        if (!Digits(s, 0, 2, out var day) || !Digits(s, 7, 4, out var year) || !Digits(s, 12, 2, out var hour) || !Digits(s, 15, 2, out var minute)
            || !Digits(s, 18, 2, out var second) || !Digits(s, 22, 2, out var offH) || !Digits(s, 24, 2, out var offM)) return null;
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60 || offH > 23 || offM > 59) return null;
        // A leap second (:60) is logged by some clocks; it is the first instant of the next minute.
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified).Ticks + second * TimeSpan.TicksPerSecond;
        var offset = (offH * 60 + offM) * TimeSpan.TicksPerMinute;
        var utc = s[21] == '+' ? local - offset : local + offset;
        return utc is >= 0 and <= 3155378975999999999 ? utc : null;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
