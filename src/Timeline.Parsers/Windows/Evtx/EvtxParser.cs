using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Windows XML Event Log (<c>.evtx</c>, Vista and later), read from the format itself (libyal's
/// libevtx notes and MS-EVEN6), so it runs anywhere. Layout: a 4096-byte file header
/// (<c>ElfFile\0</c>), then 64 KiB chunks (<c>ElfChnk\0</c>), each holding event records whose
/// content is Binary XML built from templates stored in the same chunk.
/// <para>
/// One event per record: time = System/TimeCreated (100 ns, UTC), host = System/Computer, position =
/// the record id (ids can repeat when a damaged file holds stale copies; every copy is emitted).
/// Damage never stops the parse: bad CRCs, truncation, garbage between records and undecodable
/// records become warnings naming the chunk and offset, and every other record is still read.
/// </para>
/// </summary>
public sealed class EvtxParser : ILogParser
{
    public string Name => EvtxEventMapper.ParserName;

    /// <summary>Every record names its computer.</summary>
    public bool NamesHost => true;

    /// <summary>
    /// 100 for a file header; 60 for a bare chunk (a carved chunk); 50 for a file whose header is
    /// destroyed but whose first chunk sits where it belongs, at 4096.
    /// </summary>
    public int Sniff(SniffSample sample)
    {
        var head = sample.Head.AsSpan();
        if (head.StartsWith(EvtxFileHeader.Signature)) return 100;
        if (head.StartsWith(ChunkHeader.Signature)) return 60;
        if (head.Length > EvtxFileHeader.Size && head[EvtxFileHeader.Size..].StartsWith(ChunkHeader.Signature)) return 50;
        return 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        Stream? stream;
        try
        {
            stream = source.OpenContent();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Warn(0, $"cannot open the file: {ex.Message}", kind: PositionKind.Record);
            stream = null;
        }
        if (stream is null) yield break;
        using (stream)
        {
            foreach (var e in ParseStream(stream, context)) yield return e;
        }
    }

    private static IEnumerable<EventRecord> ParseStream(Stream stream, ParseContext context)
    {
        var head = new byte[EvtxFileHeader.Size];
        int got;
        try
        {
            got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            context.Warn(0, $"cannot read the file header: {ex.Message}", kind: PositionKind.Record);
            yield break;
        }
        var header = EvtxFileHeader.Read(head.AsSpan(0, got));
        ChunkBlockReader reader;
        if (header is not null)
        {
            CheckHeader(header, got, context);
            reader = new ChunkBlockReader(stream, EvtxFileHeader.Size);
        }
        else if (head.AsSpan(0, got).StartsWith(ChunkHeader.Signature))
        {
            reader = new ChunkBlockReader(stream, 0, head[..got]);
        }
        else if (got == EvtxFileHeader.Size && PeekChunk(stream, out var first))
        {
            context.Warn(0, "the file header is damaged (no ElfFile signature) but a chunk follows at 4096; reading the chunks", kind: PositionKind.Record);
            reader = new ChunkBlockReader(stream, EvtxFileHeader.Size, first);
        }
        else
        {
            context.Warn(0, "not an EVTX file: neither an ElfFile header nor an ElfChnk chunk at the start", kind: PositionKind.Record);
            yield break;
        }

        var pipeline = new ChunkPipeline(context);
        foreach (var e in pipeline.Run(reader)) yield return e;

        if (reader.Error is not null)
            context.Warn(0, $"reading stopped early: {reader.Error}; the chunks before this point were read", kind: PositionKind.Record);
        if (header is not null && pipeline.ChunksRead != header.ChunkCount)
            context.Warn(0, $"the file header counts {header.ChunkCount} chunks but {pipeline.ChunksRead} were found and read"
                + (header.Dirty ? " (the header is marked dirty: it was not flushed)" : ""), kind: PositionKind.Record);
    }

    /// <summary>Reads the next 8 bytes; true when they are a chunk signature (the bytes are handed back as a prefix).</summary>
    private static bool PeekChunk(Stream stream, out byte[] first)
    {
        first = new byte[ChunkHeader.Signature.Length];
        int got;
        try
        {
            got = stream.ReadAtLeast(first, first.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return false;
        }
        return got == first.Length && first.AsSpan().SequenceEqual(ChunkHeader.Signature);
    }

    private static void CheckHeader(EvtxFileHeader header, int got, ParseContext context)
    {
        if (!header.ChecksumValid) context.Warn(0, "file header CRC-32 mismatch; the chunks are read anyway", kind: PositionKind.Record);
        if (header.MajorVersion != 3) context.Warn(0, $"unknown format version {header.MajorVersion}.{header.MinorVersion}; reading as 3.x", kind: PositionKind.Record);
        if (header.HeaderBlockSize != EvtxFileHeader.Size)
            context.Warn(0, $"file header block size is {header.HeaderBlockSize}, not 4096; chunks are read from offset 4096", kind: PositionKind.Record);
        if (got < EvtxFileHeader.Size) context.Warn(0, $"the file ends inside its header ({got} bytes); there are no chunks", kind: PositionKind.Record);
    }
}
