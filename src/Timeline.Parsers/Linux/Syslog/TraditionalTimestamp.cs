namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// The year-less, zone-less RFC 3164 timestamp, read without allocating.
/// <code>
/// Mar  2 03:15:02 web01 sshd[2211]: …          (day space-padded: the usual rsyslog/sysklogd shape)
/// Nov 2 15:40:14 workshop sshd[28179]: …       (day not padded: seen in real collections)
/// Aug 03 21:39:20 hostname sshd[69420]: …      (day zero-padded)
/// Mar  2 03:15:02.481913 web01 sshd[2211]: …   (fractional seconds: some producers)
/// </code>
/// </summary>
public static class TraditionalTimestamp
{
    /// <summary>
    /// Reads <c>Mmm d hh:mm:ss[.f…]</c> at the start of <paramref name="s"/>. Returns the number of
    /// characters consumed, or 0 when the text does not start with such a timestamp.
    /// </summary>
    public static int TryRead(ReadOnlySpan<char> s, out int month, out int day, out long timeOfDayTicks)
    {
        month = 0;
        day = 0;
        timeOfDayTicks = 0;
        if (s.Length < 14) return 0;
        month = Month(s[0], s[1], s[2]);
        if (month == 0 || s[3] != ' ') return 0;
        var i = 4;
        if (s[i] == ' ') i++;
        if (i >= s.Length || !IsDigit(s[i])) return 0;
        day = s[i++] - '0';
        if (i < s.Length && IsDigit(s[i])) day = day * 10 + (s[i++] - '0');
        if (day is < 1 or > 31) return 0;
        if (i + 9 > s.Length || s[i] != ' ') return 0;
        i++;
        if (!TwoDigits(s, i, out var hour) || s[i + 2] != ':' || !TwoDigits(s, i + 3, out var minute) || s[i + 5] != ':' || !TwoDigits(s, i + 6, out var second))
            return 0;
        if (hour > 23 || minute > 59 || second > 59) return 0;
        i += 8;
        timeOfDayTicks = hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond;
        if (i < s.Length && s[i] == '.')
        {
            var consumed = Fraction.TryRead(s[(i + 1)..], out var fractionTicks);
            if (consumed == 0) return 0;
            timeOfDayTicks += fractionTicks;
            i += 1 + consumed;
        }
        return i;
    }

    /// <summary>English three-letter month abbreviation (any case) to 1–12, else 0.</summary>
    public static int Month(char a, char b, char c)
    {
        var key = ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }

    internal static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    internal static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !IsDigit(s[at]) || !IsDigit(s[at + 1])) return false;
        value = (s[at] - '0') * 10 + (s[at + 1] - '0');
        return true;
    }
}
