namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Counts the bytes read through it: the compressed offset of an archive (for the ratio bound and the
/// offset named when the archive is damaged), or the decompressed bytes charged to the
/// <see cref="DecompressionBudget"/> (<paramref name="onRead"/>). Checks cancellation between reads.
/// </summary>
public sealed class CountingStream(Stream inner, CancellationToken cancellation, Action<int>? onRead = null) : Stream
{
    public long BytesRead { get; private set; }
    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellation.ThrowIfCancellationRequested();
        var n = inner.Read(buffer);
        BytesRead += n;
        if (n > 0) onRead?.Invoke(n);
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public bool LeaveOpen { get; init; }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !LeaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
