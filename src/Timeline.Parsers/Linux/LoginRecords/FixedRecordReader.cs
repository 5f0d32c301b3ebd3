using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// Streams fixed-size records (utmp, lastlog) from a file: one buffer, reused. A short last record
/// (a file cut while copied, a stray byte) is reported once with its record number and offset; the
/// records before it are all read.
/// </summary>
public static class FixedRecordReader
{
    /// <summary>Yields (record number from 1, byte offset, the record's bytes — valid until the next step).</summary>
    public static IEnumerable<(long Number, long Offset, byte[] Bytes)> Read(Stream stream, int size, ParseContext context)
    {
        var buffer = new byte[size];
        long number = 0, offset = 0;
        while (true)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var filled = Fill(stream, buffer);
            if (filled == 0) yield break;
            number++;
            if (filled < size)
            {
                context.Warn(number, $"record {number} at offset {offset} is truncated: {filled} of {size} bytes; it is not read", "", Core.Events.PositionKind.Record);
                yield break;
            }
            yield return (number, offset, buffer);
            offset += size;
        }
    }

    private static int Fill(Stream stream, byte[] buffer)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }
}
