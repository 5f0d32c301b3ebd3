namespace Timeline.Core.Ingest;

/// <summary>
/// .NET's GZipStream returns end-of-data quietly when a .gz is cut short. A gzip member ends with
/// CRC32 and ISIZE (the uncompressed length mod 2^32); this stream counts what it decompresses and,
/// at the end, compares with ISIZE read from the file's last 4 bytes. A mismatch means the file is
/// truncated or corrupt (or, rarely, several gzip members were concatenated) and is reported as
/// <see cref="InvalidDataException"/> after all readable data was delivered.
/// </summary>
internal sealed class GzipTrailerCheck(Stream decompressed, uint expectedSizeMod32) : Stream
{
    private ulong _total;
    private bool _checked;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = decompressed.Read(buffer);
        _total += (ulong)n;
        if (n == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if ((uint)_total != expectedSizeMod32)
                throw new InvalidDataException($"gzip data ends after {_total:N0} uncompressed bytes but its last trailer records {expectedSizeMod32:N0}; the .gz is truncated or corrupt (or holds several gzip members, or junk after its end)");
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => (long)_total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}
