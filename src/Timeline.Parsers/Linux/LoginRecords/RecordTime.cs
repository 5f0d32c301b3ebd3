namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// Times of login records: seconds (and microseconds) since the Unix epoch, UTC. A time between 1985
/// and 2100 is plausible; record-validity detection counts anything else against a layout (a wrong
/// layout or byte order reads seconds out of the middle of a string or a 64-bit field).
/// </summary>
public static class RecordTime
{
    public static readonly long PlausibleFromSeconds = new DateTimeOffset(1985, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    public static readonly long PlausibleToSeconds = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>Largest Unix second .NET can hold (9999-12-31).</summary>
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static bool IsPlausible(long seconds) => seconds >= PlausibleFromSeconds && seconds < PlausibleToSeconds;

    /// <summary>UTC ticks of seconds + microseconds, or null when the instant cannot be represented.</summary>
    public static long? Ticks(long seconds, long microseconds)
    {
        if (seconds < 0 || seconds > MaxSeconds || microseconds is < 0 or > 999_999) return null;
        return DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond + microseconds * 10;
    }

    /// <summary>UTC ticks of microseconds since the epoch (wtmpdb), or null when not representable.</summary>
    public static long? TicksFromMicroseconds(long microseconds) =>
        microseconds < 0 || microseconds / 1_000_000 > MaxSeconds ? null : DateTime.UnixEpoch.Ticks + microseconds * 10;

    /// <summary>A session's length as <c>[d+]hh:mm:ss</c> (last prints <c>(1+02:03)</c> without seconds).</summary>
    public static string Duration(long ticks)
    {
        if (ticks < 0) return "-" + Duration(-ticks);
        var span = TimeSpan.FromTicks(ticks);
        var clock = $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}";
        return span.Days > 0 ? $"{span.Days}+{clock}" : clock;
    }

    public static string Iso(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
