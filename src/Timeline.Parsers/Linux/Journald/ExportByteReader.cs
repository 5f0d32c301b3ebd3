using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>What <see cref="ExportByteReader.ReadLine"/> found.</summary>
public enum LineRead
{
    /// <summary>A line ended by LF.</summary>
    Line,
    /// <summary>The last bytes of the file, with no LF after them.</summary>
    Unterminated,
    /// <summary>A line longer than the bound; it was skipped up to and including its LF.</summary>
    TooLong,
    /// <summary>No bytes left.</summary>
    End,
}

/// <summary>
/// Reads the bytes of a journal export: LF-terminated lines and exact byte counts, as the format
/// mixes text lines with length-prefixed binary values. Buffers 64 KiB, grows only as far as the
/// caller's line bound, and counts every LF it passes (also those inside binary values) so that
/// <see cref="Line"/> is the line number a text editor shows. A stream that fails mid-way (a
/// truncated <c>.gz</c>) ends with a warning, like <see cref="TextLineReader"/>.
/// </summary>
public sealed class ExportByteReader
{
    private const int InitialBufferBytes = 64 * 1024;
    private readonly Stream _stream;
    private readonly ParseContext _context;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;
    private bool _eof;

    public ExportByteReader(Stream stream, ParseContext context)
    {
        _stream = stream;
        _context = context;
    }

    /// <summary>1-based number of the line the next byte belongs to.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>
    /// Reads the next line without its LF. <paramref name="line"/> is valid until the next call.
    /// A line longer than <paramref name="maxBytes"/> is skipped, never buffered whole.
    /// </summary>
    public LineRead ReadLine(int maxBytes, out ReadOnlySpan<byte> line)
    {
        line = default;
        var scanned = 0;
        while (true)
        {
            var nl = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                var length = scanned + nl;
                if (length > maxBytes)
                {
                    Consume(length + 1);
                    return LineRead.TooLong;
                }
                line = _buffer.AsSpan(_start, length);
                _start += length + 1;
                Line++;
                return LineRead.Line;
            }
            scanned = _end - _start;
            if (scanned > maxBytes)
            {
                SkipLine();
                return LineRead.TooLong;
            }
            if (_eof)
            {
                if (scanned == 0) return LineRead.End;
                line = _buffer.AsSpan(_start, scanned);
                _start = _end;
                return LineRead.Unterminated;
            }
            Fill(scanned + 1, maxBytes + 1);
        }
    }

    /// <summary>Reads a little-endian 64-bit number without consuming it; false when fewer than 8 bytes remain.</summary>
    public bool TryPeekUInt64(out ulong value)
    {
        value = 0;
        if (!Ensure(8)) return false;
        value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(_start, 8));
        return true;
    }

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int PeekByte() => Ensure(1) ? _buffer[_start] : -1;

    /// <summary>Consumes <paramref name="count"/> bytes that a peek has shown to be there.</summary>
    public void Skip(int count) => Consume(Math.Min(count, _end - _start));

    /// <summary>Copies up to <c>destination.Length</c> bytes; returns fewer only at the end of the data.</summary>
    public int ReadExact(Span<byte> destination)
    {
        var copied = 0;
        while (copied < destination.Length)
        {
            if (_start == _end && !Refill()) break;
            var take = Math.Min(destination.Length - copied, _end - _start);
            var piece = _buffer.AsSpan(_start, take);
            piece.CopyTo(destination[copied..]);
            Line += piece.Count((byte)'\n');
            _start += take;
            copied += take;
        }
        return copied;
    }

    /// <summary>Skips to just after the next LF (or to the end).</summary>
    public void SkipLine()
    {
        while (true)
        {
            var nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                Consume(nl + 1);
                return;
            }
            _start = _end;
            if (!Refill()) return;
        }
    }

    private void Consume(int count)
    {
        Line += _buffer.AsSpan(_start, count).Count((byte)'\n');
        _start += count;
    }

    private bool Ensure(int count)
    {
        if (_end - _start >= count) return true;
        if (!_eof) Fill(count, count);
        return _end - _start >= count;
    }

    private bool Refill()
    {
        _start = _end = 0;
        if (_eof) return false;
        Fill(1, 1);
        return _end > 0;
    }

    /// <summary>Reads until <paramref name="want"/> bytes are buffered or the data ends; grows the buffer up to <paramref name="cap"/>.</summary>
    private void Fill(int want, int cap)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length && _buffer.Length < cap) Array.Resize(ref _buffer, Math.Min(Math.Max(_buffer.Length * 2, want), Math.Max(cap, InitialBufferBytes)));
        while (_end < want && _end < _buffer.Length && !_eof)
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            var read = ReadSafely(_buffer.AsSpan(_end));
            if (read <= 0) _eof = true;
            else _end += read;
        }
    }

    private int ReadSafely(Span<byte> into)
    {
        try
        {
            return _stream.Read(into);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            _context.Warn(Line, $"the data ends unexpectedly at line {Line} ({ex.Message.TrimEnd('.')}): the file is truncated or corrupt; the entries before this point were read");
            return -1;
        }
    }
}
