using System.Buffers;
using System.Text;
using Timeline.Core.Limits;

namespace Timeline.Core.Ingest;

/// <summary>
/// Streams lines from a text log without trusting it: any line length (longer lines are cut at
/// <see cref="DefaultMaxLineBytes"/> with a warning, never buffered whole), LF or CRLF, invalid
/// UTF-8 and NUL bytes (kept as <c>\xNN</c>, with a warning), and compressed streams that end
/// early (a truncated <c>.gz</c>: a warning, and the lines before it are kept).
/// A run of NUL bytes at the start of a line (what a crash leaves where the file system extended the
/// file but the data never reached the disk) is counted, not buffered: its first
/// <see cref="Bounds.KeptLeadingNulBytes"/> bytes are kept as <c>\x00</c>, it does not count toward
/// the line length, and the text after it is read (<see cref="TextLine.Content"/>).
/// </summary>
public static class TextLineReader
{
    public const int DefaultMaxLineBytes = Bounds.LineBytes;

    public static IEnumerable<TextLine> Read(Stream stream, ParseContext context, int maxLineBytes = DefaultMaxLineBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var line = ArrayPool<byte>.Shared.Rent(maxLineBytes + Bounds.KeptLeadingNulBytes);
        try
        {
            long number = 0;
            var lineLength = 0;          // bytes kept in `line`
            long fullLength = 0;         // bytes seen for the current line
            long leadingNul = 0;         // NUL bytes before the first other byte of the current line
            var inContent = false;       // the current line has had a byte other than NUL
            var pending = false;         // a line has started
            while (true)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var read = ReadSafely(stream, buffer, context, number);
                if (read <= 0) break;
                var start = 0;
                while (start < read)
                {
                    var nl = buffer.AsSpan(start, read - start).IndexOf((byte)'\n');
                    var pieceLength = nl < 0 ? read - start : nl;
                    pending = true;
                    if (!inContent)
                    {
                        // Leading NUL run: counted; only the first few kept, outside the line budget.
                        var nuls = buffer.AsSpan(start, pieceLength).IndexOfAnyExcept((byte)0);
                        if (nuls < 0) nuls = pieceLength;
                        else inContent = true;
                        var keep = (int)Math.Clamp(Bounds.KeptLeadingNulBytes - leadingNul, 0, nuls);
                        buffer.AsSpan(start, keep).CopyTo(line.AsSpan(lineLength));
                        lineLength += keep;
                        leadingNul += nuls;
                        fullLength += nuls;
                        start += nuls;
                        pieceLength -= nuls;
                        if (nl >= 0) nl -= nuls;
                    }
                    var room = maxLineBytes + (int)Math.Min(leadingNul, Bounds.KeptLeadingNulBytes) - lineLength;
                    var take = Math.Min(room, pieceLength);
                    buffer.AsSpan(start, take).CopyTo(line.AsSpan(lineLength));
                    lineLength += take;
                    fullLength += pieceLength;
                    if (nl < 0) break;
                    number++;
                    yield return Finish(line, lineLength, fullLength, leadingNul, number, context);
                    lineLength = 0;
                    fullLength = 0;
                    leadingNul = 0;
                    inContent = false;
                    pending = false;
                    start += nl + 1;
                }
            }
            if (pending)
            {
                number++;
                yield return Finish(line, lineLength, fullLength, leadingNul, number, context);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(line);
        }
    }

    private static int ReadSafely(Stream stream, byte[] buffer, ParseContext context, long linesSoFar)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            context.Warn(linesSoFar + 1, $"the data ends unexpectedly after line {linesSoFar} ({ex.Message.TrimEnd('.')}): the file is truncated or corrupt; the lines before this point were read");
            return -1;
        }
    }

    private static TextLine Finish(byte[] line, int length, long fullLength, long leadingNul, long number, ParseContext context)
    {
        var keptNul = (int)Math.Min(leadingNul, Bounds.KeptLeadingNulBytes);
        var truncated = fullLength - (leadingNul - keptNul) > length;
        var bytes = line.AsSpan(0, length);
        if (!truncated && bytes.Length > keptNul && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        else if (truncated) context.Warn(number, $"line is {fullLength:N0} bytes long; only the first {length:N0} bytes were kept");
        var text = Decode(bytes, out var invalidUtf8, out var nul);
        if (invalidUtf8) context.Warn(number, "line is not valid UTF-8; the invalid bytes are kept as \\xNN", text);
        if (leadingNul > 0)
        {
            var kept = leadingNul == keptNul ? "kept as \\x00" : $"the first {keptNul:N0} kept as \\x00";
            var rest = bytes.Length > keptNul ? "the text after them was read" : "no text follows them on this line";
            context.Warn(number, $"line starts with {leadingNul:N0} NUL bytes (as a crash leaves where data never reached the disk); {kept}, {rest}", text);
            nul = bytes[keptNul..].IndexOf((byte)0) >= 0;
        }
        if (nul) context.Warn(number, "line contains NUL bytes (binary data); they are kept as \\x00", text);
        return new TextLine(number, text, truncated, truncated ? fullLength : bytes.Length + (leadingNul - keptNul), keptNul);
    }

    /// <summary>Decodes UTF-8; invalid bytes and NULs become <c>\xNN</c> text instead of being lost.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool invalidUtf8, out bool nul)
    {
        nul = bytes.IndexOf((byte)0) >= 0;
        invalidUtf8 = !System.Text.Unicode.Utf8.IsValid(bytes);
        if (!invalidUtf8 && !nul) return Encoding.UTF8.GetString(bytes);
        var sb = new StringBuilder(bytes.Length + 16);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == OperationStatus.Done && rune.Value != 0)
            {
                sb.Append(rune.ToString());
            }
            else
            {
                consumed = Math.Max(1, status == OperationStatus.Done ? consumed : 1);
                sb.Append("\\x").Append(bytes[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            bytes = bytes[consumed..];
        }
        return sb.ToString();
    }
}
