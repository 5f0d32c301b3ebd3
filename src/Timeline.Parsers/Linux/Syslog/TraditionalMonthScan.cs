using System.Buffers;

namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// The cheap pre-scan for year inference: the months of the traditional lines of a file, in order,
/// read from raw bytes without decoding whole lines. A line counts exactly when the main read sees a
/// traditional header (same test: <see cref="SyslogEnvelopeReader.TryReadTraditionalMonth"/>).
/// </summary>
public static class TraditionalMonthScan
{
    private const int PrefixChars = 64;

    /// <summary>Months of the traditional lines. A stream that breaks off (truncated .gz) ends the scan.</summary>
    public static IEnumerable<int> Months(Stream stream) => Stamps(stream).Select(s => s.Month);

    /// <summary>Month, day and time of day of the traditional lines, in file order. A stream that breaks off (truncated .gz) ends the scan.</summary>
    public static IEnumerable<TraditionalStamp> Stamps(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var carry = new byte[PrefixChars];
        var carryLength = 0;
        var inLongLine = false; // the current line's prefix has been judged already
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = stream.Read(buffer, 0, buffer.Length);
                }
                catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
                {
                    yield break;
                }
                if (read <= 0) break;
                var start = 0;
                while (start < read)
                {
                    var nl = buffer.AsSpan(start, read - start).IndexOf((byte)'\n');
                    var pieceLength = nl < 0 ? read - start : nl;
                    if (!inLongLine && carryLength == 0)
                    {
                        // Skip a leading NUL run, as the main read does before the header.
                        var nuls = buffer.AsSpan(start, pieceLength).IndexOfAnyExcept((byte)0);
                        if (nuls < 0) nuls = pieceLength;
                        start += nuls;
                        pieceLength -= nuls;
                        if (nl >= 0) nl -= nuls;
                    }
                    if (!inLongLine)
                    {
                        var take = Math.Min(PrefixChars - carryLength, pieceLength);
                        buffer.AsSpan(start, take).CopyTo(carry.AsSpan(carryLength));
                        carryLength += take;
                        if (carryLength == PrefixChars || nl >= 0)
                        {
                            var stamp = Judge(carry.AsSpan(0, carryLength));
                            if (stamp.Month > 0) yield return stamp;
                            inLongLine = true;
                        }
                    }
                    if (nl < 0) break;
                    carryLength = 0;
                    inLongLine = false;
                    start += nl + 1;
                }
            }
            if (!inLongLine && carryLength > 0)
            {
                var last = Judge(carry.AsSpan(0, carryLength));
                if (last.Month > 0) yield return last;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TraditionalStamp Judge(ReadOnlySpan<byte> prefix)
    {
        Span<char> chars = stackalloc char[PrefixChars];
        for (var i = 0; i < prefix.Length; i++) chars[i] = (char)prefix[i];
        var text = chars[..prefix.Length];
        if (!text.IsEmpty && text[^1] == '\r') text = text[..^1];
        return SyslogEnvelopeReader.TryReadTraditionalStamp(text, out var stamp) ? stamp : default;
    }
}

/// <summary>A year-less syslog time as the line states it: month (1–12), day of month, time of day.</summary>
public readonly record struct TraditionalStamp(int Month, int Day, long TimeOfDayTicks)
{
    /// <summary>The local wall-clock time this stamp names in <paramref name="year"/> (29 February read as 28 in a common year).</summary>
    public DateTime In(int year) => new DateTime(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month))).AddTicks(TimeOfDayTicks);
}
