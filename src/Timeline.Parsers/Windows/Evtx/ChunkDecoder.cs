using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Decodes the records of one chunk. A record is
/// <code>
/// 0 4 "**\0\0"   4 4 size (whole record)   8 8 record id   16 8 written time (FILETIME)
/// 24 .. Binary XML (the event)          size-4 4 copy of the size
/// </code>
/// Records run from offset 512 to the header's free-space offset. A record is trusted only when its
/// signature, size and size copy agree; otherwise the decoder warns and resynchronises on the next
/// valid signature. Past the free-space offset it keeps reading only while the record ids continue
/// the sequence (a chunk whose header was not flushed). One decoder per worker; not thread-safe.
/// </summary>
internal sealed class ChunkDecoder
{
    private const int RecordHeader = 24;
    private const int MinRecord = RecordHeader + 4;
    private readonly ChunkData _chunk;
    private readonly DecodedRecord _record = new();
    private readonly RecordRenderer _renderer;
    private readonly EvtxEventMapper _mapper = new();

    /// <summary>
    /// Runs the static initialisers the decode path reads before any of its methods is compiled: the JIT
    /// then reads those statics directly instead of calling a class-initialisation helper on every access
    /// (methods compiled at first call, see AggressiveOptimization, would otherwise keep those calls).
    /// </summary>
    static ChunkDecoder()
    {
        foreach (var type in new[] { typeof(Crc32), typeof(DecodedRecord), typeof(EvtxEventMapper), typeof(EvtxFields), typeof(NormalisedFields), typeof(ValueFormatter), typeof(WindowsEventKinds) })
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
    }

    /// <param name="plans">False: every record is rendered by walking its template tree (tests compare the two ways).</param>
    public ChunkDecoder(bool plans = true)
    {
        _chunk = new ChunkData(new NameInterner());
        _renderer = new RecordRenderer(_chunk, new BinXmlCompiler(_chunk, new TemplateCache()), _record, plans);
    }

    /// <summary>Top-level template instances rendered through their plan so far.</summary>
    public int Planned => _renderer.Planned;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ChunkResult Decode(byte[] buffer, int length, int index, long fileOffset, ParseContext context)
    {
        var result = new ChunkResult();
        var where = $"chunk {index} (file offset 0x{fileOffset:X})";
        if (length < ChunkHeader.RecordsStart)
        {
            result.Warn(0, $"{where}: the file ends {length} bytes into the chunk, inside its header; nothing in it can be read");
            return result;
        }
        _chunk.Reset(buffer, length);
        var header = ChunkHeader.Read(buffer.AsSpan(0, length));
        if (!ChunkHeader.HasSignature(buffer)) result.Warn(0, $"{where}: no ElfChnk signature; reading it as a damaged chunk");
        if (length < ChunkHeader.Size) result.Warn(0, $"{where}: the file ends {length} bytes into the chunk (truncated); records cut by the end are lost");
        if (!header.HeaderChecksumValid) result.Warn(0, $"{where}: chunk header CRC-32 mismatch; reading its records anyway");
        else if (!header.RecordsChecksumValid) result.Warn(0, $"{where}: event records CRC-32 mismatch; reading the records anyway");

        var free = header.FreeSpaceOffset;
        var limit = free >= ChunkHeader.RecordsStart && free <= length ? free : length;
        var pos = ChunkHeader.RecordsStart;
        ulong lastId = 0;
        var any = false;
        while (pos <= length - MinRecord)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (TryRecord(buffer, pos, length, out var size))
            {
                var id = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(pos + 8));
                if (pos >= limit && !(any && id == lastId + 1)) break;
                DecodeRecord(pos, size, id, fileOffset, where, context, result);
                lastId = id;
                any = true;
                pos += size;
                continue;
            }
            if (pos >= limit) break;
            var next = FindRecord(buffer, pos + 1, length);
            if (next < 0)
            {
                if (buffer.AsSpan(pos, limit - pos).ContainsAnyExcept((byte)0))
                    result.Warn(0, $"{where}: no valid record at chunk offset 0x{pos:X} (file offset 0x{fileOffset + pos:X}); the remaining {limit - pos} bytes of records were skipped");
                break;
            }
            result.Warn(0, $"{where}: bytes 0x{pos:X}..0x{next:X} of the chunk are not a valid record; resumed at the next record signature");
            pos = next;
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeRecord(int pos, int size, ulong id, long fileOffset, string where, ParseContext context, ChunkResult result)
    {
        try
        {
            var written = BinaryPrimitives.ReadInt64LittleEndian(_chunk.Span(pos + 16, 8));
            _record.Reset(_chunk);
            _renderer.Render(pos + RecordHeader, pos + size - 4);
            if (!_record.SawEvent)
            {
                result.Warn((long)Math.Min(id, long.MaxValue), $"record {id} ({where}, file offset 0x{fileOffset + pos:X}) holds no XML element; skipped");
                return;
            }
            result.Events.Add(_mapper.Map(_record, id, ValueFormatter.FileTimeTicks(written) ?? 0, context));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex is EvtxFormatException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            result.Warn((long)Math.Min(id, long.MaxValue), $"record {id} ({where}, file offset 0x{fileOffset + pos:X}) could not be decoded: {reason}; skipped");
        }
    }

    /// <summary>Signature, a plausible size, and the copy of the size at the record's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryRecord(byte[] buffer, int pos, int length, out int size)
    {
        size = 0;
        if (pos < 0 || pos > length - MinRecord || !buffer.AsSpan(pos, 4).SequenceEqual("**\0\0"u8)) return false;
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(pos + 4));
        if (declared < MinRecord || declared > (uint)(length - pos)) return false;
        size = (int)declared;
        return BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(pos + size - 4)) == declared;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FindRecord(byte[] buffer, int from, int length)
    {
        while (from <= length - MinRecord)
        {
            var hit = buffer.AsSpan(from, length - from).IndexOf("**\0\0"u8);
            if (hit < 0) return -1;
            if (TryRecord(buffer, from + hit, length, out _)) return from + hit;
            from += hit + 1;
        }
        return -1;
    }
}
