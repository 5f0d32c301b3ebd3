namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// RFC 3339 timestamps as rsyslog, RFC 5424 and journalctl write them, to exact UTC ticks.
/// <code>
/// 2024-03-02T03:15:02.481913+00:00   (RSYSLOG_FileFormat: 6 fractional digits, +hh:mm)
/// 2024-03-01T22:15:02.481913-05:00   (negative offset)
/// 2024-03-02T03:15:02Z               (Z, no fraction)
/// 2024-03-02T03:15:02+0000           (journalctl -o short-iso on some systemd versions: no colon)
/// </code>
/// </summary>
public static class Rfc3339Timestamp
{
    /// <summary>Returns the characters consumed (0 = not a valid timestamp) and the UTC instant in ticks.</summary>
    public static int TryRead(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        if (s.Length < 20) return 0;
        if (!Digits4(s, out var year) || s[4] != '-' || !TraditionalTimestamp.TwoDigits(s, 5, out var month) || s[7] != '-'
            || !TraditionalTimestamp.TwoDigits(s, 8, out var day) || (s[10] != 'T' && s[10] != 't')
            || !TraditionalTimestamp.TwoDigits(s, 11, out var hour) || s[13] != ':' || !TraditionalTimestamp.TwoDigits(s, 14, out var minute)
            || s[16] != ':' || !TraditionalTimestamp.TwoDigits(s, 17, out var second))
            return 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return 0;
        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var consumed = Fraction.TryRead(s[(i + 1)..], out fraction);
            if (consumed == 0) return 0;
            i += 1 + consumed;
        }
        if (i >= s.Length) return 0;
        long offsetTicks;
        if (s[i] is 'Z' or 'z')
        {
            offsetTicks = 0;
            i++;
        }
        else if (s[i] is '+' or '-')
        {
            var sign = s[i] == '-' ? -1 : 1;
            if (!TraditionalTimestamp.TwoDigits(s, i + 1, out var oh)) return 0;
            int om;
            if (i + 3 < s.Length && s[i + 3] == ':')
            {
                if (!TraditionalTimestamp.TwoDigits(s, i + 4, out om)) return 0;
                i += 6;
            }
            else
            {
                if (!TraditionalTimestamp.TwoDigits(s, i + 3, out om)) return 0;
                i += 5;
            }
            if (oh > 23 || om > 59) return 0;
            offsetTicks = sign * (oh * TimeSpan.TicksPerHour + om * TimeSpan.TicksPerMinute);
        }
        else
        {
            return 0;
        }
        var local = new DateTime(year, month, day).Ticks + hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction;
        var utc = local - offsetTicks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return 0;
        utcTicks = utc;
        return i;
    }

    private static bool Digits4(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (!TraditionalTimestamp.IsDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
