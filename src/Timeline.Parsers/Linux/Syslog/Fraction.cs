namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Fractional seconds after the dot, e.g. the <c>481913</c> of <c>03:15:02.481913</c>: any number of
/// digits; the first seven (100 ns ticks) are kept, further digits are ignored.
/// </summary>
public static class Fraction
{
    /// <summary>Returns the digits consumed (0 = no digit) and the fraction in ticks.</summary>
    public static int TryRead(ReadOnlySpan<char> s, out long ticks)
    {
        ticks = 0;
        var i = 0;
        long scale = TimeSpan.TicksPerSecond;
        while (i < s.Length && TraditionalTimestamp.IsDigit(s[i]))
        {
            if (i < 7)
            {
                scale /= 10;
                ticks += (s[i] - '0') * scale;
            }
            i++;
        }
        return i;
    }
}
