using Timeline.Core.Events;

namespace Timeline.Core.Ingest;

/// <summary>
/// Events of one file timed after the file's content was last written, or after this machine's clock.
/// A file cannot hold what was written after it, and nothing is logged in the future: such times come
/// from a year or zone assumed wrongly, a host clock that was off, a copy that did not keep the mtime,
/// or a forged line. They are kept as read and counted into one warning per bound with the first
/// position, so no event is placed there silently. Snapshot times (live state, stamped with the
/// collection time) and file-mtime times are not the events' own and are not counted.
/// </summary>
internal sealed class LateEvents(DateTimeOffset contentModifiedUtc, DateTimeOffset now)
{
    /// <summary>File systems keep mtimes to 2 s at worst (FAT); a line written in the last second may carry a time just past it.</summary>
    private static readonly long Slack = TimeSpan.FromSeconds(2).Ticks;

    private readonly long _mtimeBound = contentModifiedUtc.UtcTicks + Slack;
    private readonly long _nowBound = now.UtcTicks + Slack;
    private long _afterMtime, _firstAfterMtime, _afterNow, _firstAfterNow;
    private long _latest;

    public void Observe(EventRecord e)
    {
        if (e.Ticks is not { } ticks || (e.TimeQuality & (TimeQuality.Snapshot | TimeQuality.FileMtime)) != 0) return;
        if (ticks > _nowBound && _afterNow++ == 0) _firstAfterNow = e.Origin.Position;
        if (ticks <= _mtimeBound) return;
        if (_afterMtime++ == 0) _firstAfterMtime = e.Origin.Position;
        if (ticks > _latest) _latest = ticks;
    }

    public void Report(ParseContext context)
    {
        if (_afterNow > 0)
            context.Warn(_firstAfterNow, $"{_afterNow:N0} event(s) are timed in the future (after this machine's clock, {new DateTimeOffset(_nowBound - Slack, TimeSpan.Zero):yyyy-MM-ddTHH:mm:ssZ}): a wrong year, zone or host clock, or a forged time; they are kept as read; first at position {_firstAfterNow}");
        // Events past both bounds are told once, as future ones, unless the file also holds events only past its mtime.
        if (_afterMtime > _afterNow)
            context.Warn(_firstAfterMtime, $"{_afterMtime:N0} event(s) are timed after the file was last written ({new DateTimeOffset(_mtimeBound - Slack, TimeSpan.Zero):yyyy-MM-ddTHH:mm:ssZ}; the latest by {Span(_latest - (_mtimeBound - Slack))}): the year or zone assumed for them is wrong, the host's clock was off, or the copy did not keep the file's time; they are kept as read; first at position {_firstAfterMtime}");
    }

    private static string Span(long ticks)
    {
        var t = TimeSpan.FromTicks(ticks);
        return t.TotalDays >= 2 ? $"{t.TotalDays:N0} days" : t.TotalHours >= 2 ? $"{t.TotalHours:N0} hours" : t.TotalMinutes >= 2 ? $"{t.TotalMinutes:N0} minutes" : $"{t.TotalSeconds:N0} seconds";
    }
}
