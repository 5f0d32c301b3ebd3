using System.Buffers.Binary;

namespace Timeline.Bench.Evtx;

/// <summary>
/// The benchmark input: every non-empty chunk of the given EVTX files, stacked into new EVTX files
/// (a 4096-byte header counting its chunks, with a valid CRC, then the chunks) and replicated until
/// the set reaches the target size. Chunks are independent, so a stacked file is a valid log.
/// </summary>
internal static class BenchSet
{
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;
    private const int ChunksPerFile = 400; // ~26 MB per file

    public static List<string> Build(IEnumerable<string> sources, string folder, long targetBytes)
    {
        var chunks = new List<byte[]>();
        byte[]? header = null;
        foreach (var file in sources)
        {
            var bytes = File.ReadAllBytes(file);
            header ??= bytes[..HeaderSize];
            for (var offset = HeaderSize; offset + ChunkSize <= bytes.Length; offset += ChunkSize)
            {
                if (bytes.AsSpan(offset, 8).SequenceEqual("ElfChnk\0"u8)) chunks.Add(bytes[offset..(offset + ChunkSize)]);
            }
        }
        if (header is null || chunks.Count == 0) throw new InvalidOperationException("no EVTX chunks found");
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        long written = 0;
        var next = 0;
        while (written < targetBytes)
        {
            var path = Path.Combine(folder, $"set-{files.Count:D3}.evtx");
            using (var output = File.Create(path))
            {
                var head = (byte[])header.Clone();
                BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(42), ChunksPerFile);
                BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(120), 0);
                BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(124), Crc32(head.AsSpan(0, 120)));
                output.Write(head);
                for (var i = 0; i < ChunksPerFile; i++) output.Write(chunks[next++ % chunks.Count]);
            }
            written += new FileInfo(path).Length;
            files.Add(path);
        }
        return files;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
