using System.Buffers.Binary;
using System.Text;
using Timeline.Parsers.Linux.Journald.Binary;

namespace Timeline.Tests.Parsers.Linux.Journald;

/// <summary>
/// Writes small journal files from systemd's JOURNAL_FILE_FORMAT, for the cases the real writer
/// (systemd-journal-remote 252) cannot make: LZ4 and xz payloads, old and new header sizes, unknown
/// flags, a cycle in the entry array chain. Layout: header, then per entry its new DATA objects and
/// the ENTRY object, then the entry arrays (capacities 4, 8, 16 …, like journald's doubling). DATA
/// objects with the same payload are shared between entries (n_entries counts them). No hash tables:
/// a reader that walks the chain does not need them.
/// </summary>
public sealed class JournalFileBuilder
{
    private readonly List<(ulong Realtime, List<(byte[] Payload, ObjectFlags Flags)> Fields)> _entries = [];

    public bool Compact { get; init; } = true;
    public int HeaderSize { get; init; } = 264;
    public byte State { get; init; }
    public uint ExtraIncompatible { get; init; }
    /// <summary>Makes the last entry array point back to the first.</summary>
    public bool Cycle { get; init; }

    public static readonly Guid128 Boot = new(0x7b2c9d4e1f3a4b5cUL, 0x8d6e0f1a2b3c4d5eUL);

    public JournalFileBuilder Entry(ulong realtime, params (string Name, string Value)[] fields) =>
        Entry(realtime, fields.Select(f => (Encoding.UTF8.GetBytes(f.Name + "=" + f.Value), ObjectFlags.None)).ToArray());

    /// <summary>An entry with DATA payloads given as stored (already compressed when a flag says so).</summary>
    public JournalFileBuilder Entry(ulong realtime, params (byte[] Payload, ObjectFlags Flags)[] fields)
    {
        _entries.Add((realtime, fields.ToList()));
        return this;
    }

    public byte[] Build()
    {
        using var file = new MemoryStream();
        file.Write(new byte[HeaderSize]);
        var dataOffsets = new Dictionary<string, long>();
        var dataUses = new Dictionary<long, int>();
        var entryOffsets = new List<long>();
        IncompatibleFlags flags = Compact ? IncompatibleFlags.Compact : IncompatibleFlags.None;
        ulong seq = 0;
        long tail = 0;
        foreach (var (realtime, fields) in _entries)
        {
            var items = new List<long>();
            foreach (var (payload, objectFlags) in fields)
            {
                flags |= objectFlags switch
                {
                    ObjectFlags.CompressedXz => IncompatibleFlags.CompressedXz,
                    ObjectFlags.CompressedLz4 => IncompatibleFlags.CompressedLz4,
                    ObjectFlags.CompressedZstd => IncompatibleFlags.CompressedZstd,
                    _ => IncompatibleFlags.None,
                };
                var key = Convert.ToHexString(payload) + (byte)objectFlags;
                if (!dataOffsets.TryGetValue(key, out var at))
                {
                    at = tail = Append(file, JournalObjectType.Data, objectFlags, new byte[DataObject.PayloadOffset(Compact) - 16], payload);
                    dataOffsets[key] = at;
                }
                dataUses[at] = dataUses.GetValueOrDefault(at) + 1;
                items.Add(at);
            }
            var fixedPart = new byte[48];
            BinaryPrimitives.WriteUInt64LittleEndian(fixedPart, ++seq);
            BinaryPrimitives.WriteUInt64LittleEndian(fixedPart.AsSpan(8), realtime);
            BinaryPrimitives.WriteUInt64LittleEndian(fixedPart.AsSpan(16), 1000 + seq);
            BinaryPrimitives.WriteUInt64BigEndian(fixedPart.AsSpan(24), Boot.High);
            BinaryPrimitives.WriteUInt64BigEndian(fixedPart.AsSpan(32), Boot.Low);
            var itemBytes = new byte[items.Count * EntryObject.ItemBytes(Compact)];
            for (var i = 0; i < items.Count; i++)
            {
                if (Compact) BinaryPrimitives.WriteUInt32LittleEndian(itemBytes.AsSpan(i * 4), (uint)items[i]);
                else BinaryPrimitives.WriteUInt64LittleEndian(itemBytes.AsSpan(i * 16), (ulong)items[i]);
            }
            var entry = tail = Append(file, JournalObjectType.Entry, ObjectFlags.None, fixedPart, itemBytes);
            entryOffsets.Add(entry);
        }
        var arrays = new List<long>();
        var itemSize = Compact ? 4 : 8;
        for (int done = 0, capacity = 4; done < entryOffsets.Count; done += capacity, capacity *= 2)
        {
            var items = new byte[capacity * itemSize];
            for (var i = 0; i < capacity && done + i < entryOffsets.Count; i++)
            {
                if (Compact) BinaryPrimitives.WriteUInt32LittleEndian(items.AsSpan(i * 4), (uint)entryOffsets[done + i]);
                else BinaryPrimitives.WriteUInt64LittleEndian(items.AsSpan(i * 8), (ulong)entryOffsets[done + i]);
            }
            arrays.Add(tail = Append(file, JournalObjectType.EntryArray, ObjectFlags.None, new byte[8], items));
        }
        var bytes = file.ToArray();
        for (var i = 0; i + 1 < arrays.Count; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)arrays[i] + 16), (ulong)arrays[i + 1]);
        if (Cycle && arrays.Count > 0) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)arrays[^1] + 16), (ulong)arrays[0]);
        foreach (var (at, uses) in dataUses) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)at + 56), (ulong)uses);

        "LPKSHHRH"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), (uint)flags | ExtraIncompatible);
        bytes[16] = State;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(88), (ulong)HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(96), (ulong)(bytes.Length - HeaderSize));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(136), (ulong)tail);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(152), (ulong)entryOffsets.Count);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(176), arrays.Count > 0 ? (ulong)arrays[0] : 0);
        return bytes;
    }

    /// <summary>Appends an object (header, fixed part, payload), padded to 8 bytes; returns its offset.</summary>
    private static long Append(MemoryStream file, JournalObjectType type, ObjectFlags flags, byte[] fixedPart, byte[] payload)
    {
        var at = file.Position;
        var header = new byte[16];
        header[0] = (byte)type;
        header[1] = (byte)flags;
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), (ulong)(16 + fixedPart.Length + payload.Length));
        file.Write(header);
        file.Write(fixedPart);
        file.Write(payload);
        while (file.Position % 8 != 0) file.WriteByte(0);
        return at;
    }
}
