namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// Random access to a journal file through a seekable stream, the way systemd maps windows of it:
/// reads go through a small direct-mapped cache of 32 KiB pages (4 MiB in all), so walking the
/// entry arrays and the entries beside them reads each page once, and a 128 MiB journal is never
/// held in memory. Every read is bounds-checked against the file length; a range that crosses pages
/// is copied to a scratch buffer. A span returned is valid until the next read.
/// </summary>
public sealed class JournalFileView
{
    private const int PageShift = 15;
    private const int PageBytes = 1 << PageShift;
    private const int Slots = 128;

    private readonly Stream _stream;
    private readonly byte[][] _pages = new byte[Slots][];
    private readonly long[] _pageIds = new long[Slots];
    private readonly int[] _pageLengths = new int[Slots];
    private byte[] _scratch = new byte[PageBytes];

    public JournalFileView(Stream seekable)
    {
        _stream = seekable;
        Length = seekable.Length;
        Array.Fill(_pageIds, -1);
    }

    /// <summary>Bytes in the file.</summary>
    public long Length { get; }

    /// <summary>The message of a read error of the underlying stream, once one happened (reads then fail).</summary>
    public string? Error { get; private set; }

    /// <summary>True when <paramref name="count"/> bytes at <paramref name="offset"/> are inside the file.</summary>
    public bool Contains(long offset, long count) => offset >= 0 && count >= 0 && offset <= Length - count;

    /// <summary>
    /// The <paramref name="count"/> bytes at <paramref name="offset"/>, or false when they are not all
    /// in the file (or the stream failed). <paramref name="count"/> is bounded by the caller.
    /// </summary>
    public bool TryRead(long offset, int count, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!Contains(offset, count)) return false;
        var page = offset >> PageShift;
        var within = (int)(offset & (PageBytes - 1));
        if (within + count <= PageBytes)
        {
            if (!Load(page, out var slot) || within + count > _pageLengths[slot]) return false;
            bytes = _pages[slot].AsSpan(within, count);
            return true;
        }
        if (_scratch.Length < count) _scratch = new byte[Math.Max(count, _scratch.Length * 2)];
        var copied = 0;
        while (copied < count)
        {
            var at = offset + copied;
            if (!Load(at >> PageShift, out var slot)) return false;
            var from = (int)(at & (PageBytes - 1));
            var take = Math.Min(count - copied, _pageLengths[slot] - from);
            if (take <= 0) return false;
            _pages[slot].AsSpan(from, take).CopyTo(_scratch.AsSpan(copied));
            copied += take;
        }
        bytes = _scratch.AsSpan(0, count);
        return true;
    }

    private bool Load(long page, out int slot)
    {
        slot = (int)(page % Slots);
        if (_pageIds[slot] == page) return true;
        if (Error is not null) return false;
        var buffer = _pages[slot] ??= new byte[PageBytes];
        var start = page << PageShift;
        var want = (int)Math.Min(PageBytes, Length - start);
        try
        {
            _stream.Seek(start, SeekOrigin.Begin);
            var got = _stream.ReadAtLeast(buffer.AsSpan(0, want), want, throwOnEndOfStream: false);
            _pageIds[slot] = page;
            _pageLengths[slot] = got;
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException)
        {
            _pageIds[slot] = -1;
            Error = ex.Message;
            return false;
        }
    }
}
