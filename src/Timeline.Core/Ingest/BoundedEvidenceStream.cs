namespace Timeline.Core.Ingest;

/// <summary>
/// A read-only view of the first <c>length</c> bytes of an evidence file: the bytes that were hashed.
/// A live log may grow while it is read; whatever is appended after the length was taken is not read,
/// so the events stored are covered by the recorded SHA-256 and size. Every read checks the
/// cancellation token, so Ctrl-C stops the reading of any file, whatever parser reads it.
/// </summary>
internal sealed class BoundedEvidenceStream(Stream inner, long length, CancellationToken cancellation) : Stream
{
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellation.ThrowIfCancellationRequested();
        var room = length - _position;
        if (room <= 0 || buffer.IsEmpty) return 0;
        if (buffer.Length > room) buffer = buffer[..(int)room];
        var n = inner.Read(buffer);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        if (target < 0) throw new IOException("seek before the start of the evidence");
        _position = inner.Seek(Math.Min(target, length), SeekOrigin.Begin);
        if (target > length) _position = target; // reads there return nothing, as past a file's end
        return _position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
