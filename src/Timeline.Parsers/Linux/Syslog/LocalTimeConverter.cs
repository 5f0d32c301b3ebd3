namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Turns naive local wall-clock times (traditional syslog) into UTC ticks in the analyst's
/// <c>--timezone</c>. Explicit about DST: a time inside a spring-forward gap (which the clock never
/// showed) is shifted forward by the gap and reported to the caller; an ambiguous
/// autumn time takes the earlier instant (the daylight offset). Offsets are cached per local hour,
/// except for hours that touch a transition.
/// </summary>
public sealed class LocalTimeConverter(TimeZoneInfo zone)
{
    private readonly bool _fixed = !zone.SupportsDaylightSavingTime;
    private readonly long _baseOffset = zone.BaseUtcOffset.Ticks;
    private long _cachedHour = long.MinValue;
    private long _cachedOffset;

    public TimeZoneInfo Zone => zone;

    /// <summary>UTC ticks for local <paramref name="localTicks"/>; <paramref name="gapShift"/> is true when the time fell in a DST gap.</summary>
    public long ToUtc(long localTicks, out bool gapShift)
    {
        gapShift = false;
        if (_fixed) return localTicks - _baseOffset;
        var hour = localTicks / TimeSpan.TicksPerHour;
        if (hour == _cachedHour) return localTicks - _cachedOffset;
        var local = new DateTime(localTicks, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap: local 02:30 in a 02:00→03:00 gap becomes 03:30 daylight time.
            gapShift = true;
            return localTicks - zone.GetUtcOffset(local.AddDays(-1)).Ticks;
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var largest = offsets.Max();
            return localTicks - largest.Ticks;
        }
        var offset = zone.GetUtcOffset(local).Ticks;
        var start = new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Unspecified);
        var end = start.AddTicks(TimeSpan.TicksPerHour - 1);
        if (!zone.IsInvalidTime(start) && !zone.IsInvalidTime(end) && !zone.IsAmbiguousTime(start) && !zone.IsAmbiguousTime(end)
            && zone.GetUtcOffset(start).Ticks == offset && zone.GetUtcOffset(end).Ticks == offset)
        {
            _cachedHour = hour;
            _cachedOffset = offset;
        }
        return localTicks - offset;
    }
}
