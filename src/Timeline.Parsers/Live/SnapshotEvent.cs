using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Live;

/// <summary>
/// Builds the event for one row of a collector's command output (a process, a socket, an open file).
/// The row says what was true when the command ran, not when it began: the time is the collection
/// time (<see cref="ParseContext.CollectedAt"/>, from the collector's log) marked
/// <see cref="TimeQuality.Snapshot"/>. Without it the file's content mtime is the best stand-in —
/// collectors write each output file right after running the command, so its mtime is within seconds
/// of the capture — and the event is also marked <see cref="TimeQuality.FileMtime"/>, because a copy
/// that did not keep mtimes moves it. The host is the default host: the outputs name none.
/// </summary>
public static class SnapshotEvent
{
    public static EventRecord Create(string parser, EvidenceSource source, ParseContext context, long line, string message, FieldSet fields)
    {
        var (ticks, quality) = context.CollectedAt is { } collected
            ? (collected.UtcTicks, TimeQuality.Snapshot)
            : (source.ContentModifiedUtc.UtcTicks, TimeQuality.Snapshot | TimeQuality.FileMtime);
        return new EventRecord
        {
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = quality,
            Host = context.HostFor(null),
            Parser = parser,
            Message = message,
            Fields = fields,
            Origin = context.OriginAt(line),
        };
    }
}
