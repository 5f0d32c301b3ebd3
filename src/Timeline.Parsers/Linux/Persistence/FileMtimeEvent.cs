using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Persistence;

/// <summary>
/// Builds the event for one entry of a persistence file (a crontab line, a key, an <c>ExecStart=</c>).
/// Such files carry no time of their own: every entry is stamped with the file's last-write time
/// (<see cref="TimeQuality.FileMtime"/>, which is when the newest entry was written at the latest)
/// and sorted by it; the host is the default host because the file names none.
/// </summary>
public static class FileMtimeEvent
{
    public static EventRecord Create(string parser, EvidenceSource source, ParseContext context, long line, string message, FieldSet fields)
    {
        var ticks = source.ContentModifiedUtc.UtcTicks;
        return new EventRecord
        {
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = TimeQuality.FileMtime,
            Host = context.HostFor(null),
            Parser = parser,
            Message = message,
            Fields = fields,
            Origin = context.OriginAt(line),
        };
    }
}
