using System.IO.Compression;

namespace Timeline.Core.Store;

/// <summary>
/// Reads only the string table at the head of an encoded block (<see cref="EventBlockCodec"/>:
/// version, count, table): the hosts, parsers and field keys the block uses. Cheap, because the
/// deflate stream is inflated only as far as the table.
/// </summary>
public static class BlockStringTable
{
    public static IReadOnlyList<string> Read(byte[] data)
    {
        using var input = new DeflateStream(new MemoryStream(data, writable: false), CompressionMode.Decompress);
        using var r = new BinaryReader(input, System.Text.Encoding.UTF8);
        var version = r.ReadByte();
        if (version != 1) throw new InvalidDataException($"event block version {version} is not supported by this build");
        _ = r.Read7BitEncodedInt();
        var table = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < table.Length; i++) table[i] = r.ReadString();
        return table;
    }
}
