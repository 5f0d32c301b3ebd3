using System.Runtime.CompilerServices;
using System.Buffers;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Reads chunk slots sequentially from where the file header says they start, until the end of the
/// file, whatever the header's chunk count says: a dirty header can lag behind the chunks written.
/// Slots that are all zeros (pre-allocated space) are skipped. A read error ends the file like a
/// truncation (the caller warns).
/// </summary>
internal sealed class ChunkBlockReader
{
    private readonly Stream _stream;
    private long _offset;
    private int _index;

    private byte[]? _prefix;

    /// <param name="stream">Positioned at the first chunk slot.</param>
    /// <param name="offset">File offset of that position, for messages.</param>
    /// <param name="prefix">Bytes already read from the slot (a carved file that starts with a chunk).</param>
    public ChunkBlockReader(Stream stream, long offset, byte[]? prefix = null)
    {
        _stream = stream;
        _offset = offset;
        _prefix = prefix;
    }

    /// <summary>Set when reading stopped on an I/O or decompression error.</summary>
    public string? Error { get; private set; }

    /// <summary>Zero-filled slots skipped so far.</summary>
    public int EmptySlots { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ChunkBlock? Next()
    {
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkHeader.Size);
            int got;
            try
            {
                var prefix = _prefix ?? [];
                _prefix = null;
                prefix.CopyTo(buffer, 0);
                got = prefix.Length + _stream.ReadAtLeast(buffer.AsSpan(prefix.Length, ChunkHeader.Size - prefix.Length), ChunkHeader.Size - prefix.Length, throwOnEndOfStream: false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                Error = ex.Message;
                return null;
            }
            var block = new ChunkBlock(buffer, got, _index++, _offset);
            _offset += got;
            if (got > 0 && buffer.AsSpan(0, got).ContainsAnyExcept((byte)0)) return block;
            ArrayPool<byte>.Shared.Return(buffer);
            if (got < ChunkHeader.Size) return null;
            EmptySlots++;
        }
    }
}
