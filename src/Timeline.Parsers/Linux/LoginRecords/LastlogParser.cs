using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// <c>/var/log/lastlog</c> (<see cref="LastlogLayout"/>): one <c>lastlog</c> event per written record,
/// at its exact time (seconds, UTC), with <c>uid</c> = the record's index (the file has no user names),
/// <c>tty</c>, and <c>src_ip</c> or <c>src_host</c>. The position is the record number (UID + 1). Holes
/// are skipped; a written record that is not valid (implausible time, garbage in the strings) is
/// reported with its number and offset and still read when its time is usable.
/// <para>
/// Detection is by record validity (<see cref="LastlogLayoutDetector"/>). A lastlog whose first 64 KiB
/// are a hole (no UID below ~220 ever logged in) has nothing to recognise in the head: the file name
/// <c>lastlog</c> then breaks the tie, as <see cref="ILogParser.Sniff"/> allows, with a low score, and
/// the parse finds the layout on the first written record. Reading streams the whole file, holes
/// included: a lastlog made huge by a UID near 2^32 (nfsnobody) takes as long as its apparent size.
/// </para>
/// </summary>
public sealed class LastlogParser : ILogParser
{
    /// <summary>The score of an all-zero head named lastlog: below every content match.</summary>
    private const int NameOnlyScore = 40;

    /// <summary>How far the parse looks for the first written record when the head is a hole.</summary>
    private const long FirstRecordSearchBytes = 1L << 30;

    public string Name => ParserNames.Lastlog;

    public int Sniff(SniffSample sample)
    {
        var head = sample.Head;
        long? length = head.Length < FormatDetector.HeadBytes ? head.Length : null;
        if (LastlogLayoutDetector.Detect(head, 0, length) is { } found) return found.Score;
        var allZero = head.Length > 0 && head.AsSpan().IndexOfAnyExcept((byte)0) < 0;
        return allZero && sample.FileName.StartsWith("lastlog", StringComparison.Ordinal) ? NameOnlyScore : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var layout = FindLayout(source, context);
        if (layout is null) yield break;
        var host = context.HostFor(null);
        using var stream = source.OpenContent();
        foreach (var (number, offset, bytes) in FixedRecordReader.Read(stream, layout.RecordSize, context))
        {
            var record = bytes.AsSpan();
            if (record.IndexOfAnyExcept((byte)0) < 0) continue;
            var uid = number - 1;
            var seconds = layout.Seconds(record);
            var line = FixedText.Read(layout.Line(record));
            var hostText = FixedText.Read(layout.Host(record));
            if (!layout.LooksValid(record))
                context.Warn(number, $"record {number} (uid {uid}) at offset {offset} is not a valid lastlog record (time {seconds}, line and host must be NUL-padded text)", $"line={line} host={hostText}", PositionKind.Record);
            var ticks = seconds == 0 ? null : RecordTime.Ticks(seconds, 0);
            var fields = new FieldSet(8)
                .Set(FieldNames.Event, LoginRecordEvents.Lastlog)
                .Set(FieldNames.Uid, uid.ToString(CultureInfo.InvariantCulture))
                .Set(FieldNames.Tty, line);
            LoginSource.Set(fields, hostText, default);
            var time = ticks is { } t ? RecordTime.Iso(t) : "-";
            yield return new EventRecord
            {
                Ticks = ticks,
                SortTicks = ticks,
                TimeQuality = ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
                Host = host,
                Parser = Name,
                Message = $"uid {uid} last login {time} on {(line.Length > 0 ? line : "-")} from {(hostText.Length > 0 ? hostText : "-")}",
                Fields = fields,
                Origin = context.OriginAt(number, PositionKind.Record),
            };
        }
    }

    private static LastlogLayout? FindLayout(EvidenceSource source, ParseContext context)
    {
        var head = FormatDetector.Sample(source).Head;
        if (head.Length == 0) return null;
        long? length = head.Length < FormatDetector.HeadBytes ? head.Length : null;
        if (LastlogLayoutDetector.Detect(head, 0, length) is { } inHead) return inHead.Layout;
        // The head is a hole: find the first written byte, then decide on the records around it.
        long first = -1, position = 0;
        var buffer = new byte[64 * 1024];
        using (var stream = source.OpenContent())
        {
            int read;
            while (position < FirstRecordSearchBytes && (read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
            {
                var at = buffer.AsSpan(0, read).IndexOfAnyExcept((byte)0);
                if (at >= 0) { first = position + at; break; }
                position += read;
            }
        }
        if (first < 0)
        {
            context.Warn(0, "no written lastlog record (the file is all zeros)");
            return null;
        }
        var start = Math.Max(0, first - first % 296 - 296 * 2);
        var window = new byte[64 * 1024];
        int filled;
        using (var stream = source.OpenContent())
        {
            Skip(stream, start);
            filled = stream.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        }
        if (LastlogLayoutDetector.Detect(window.AsSpan(0, filled), start, null) is { } found) return found.Layout;
        context.Warn(0, $"no lastlog layout fits the first written record at offset {first}; read as {LastlogLayout.Compat32.Name}");
        return LastlogLayout.Compat32;
    }

    private static void Skip(Stream stream, long count)
    {
        if (stream.CanSeek) { stream.Seek(count, SeekOrigin.Begin); return; }
        var scratch = new byte[64 * 1024];
        while (count > 0)
        {
            var read = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, count));
            if (read == 0) return;
            count -= read;
        }
    }
}
