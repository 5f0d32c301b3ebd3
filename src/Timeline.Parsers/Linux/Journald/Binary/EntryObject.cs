using System.Buffers.Binary;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// An ENTRY object: one log entry.
/// <code>
///  0 object header (16)   24 le64 realtime    (µs since the epoch: journalctl's __REALTIME_TIMESTAMP)
/// 16 le64 seqnum          32 le64 monotonic   (µs since boot: __MONOTONIC_TIMESTAMP)
///                         40 boot_id (16)     (_BOOT_ID)
///                         56 le64 xor_hash    (of the entry's DATA hashes)
/// 64 items: regular = le64 DATA offset + le64 hash (16 bytes each); compact = le32 DATA offset (4 bytes)
/// </code>
/// </summary>
public readonly record struct EntryObject(ulong Seqnum, ulong Realtime, ulong Monotonic, Guid128 BootId, ulong XorHash, int ItemCount)
{
    public const int ItemsOffset = 64;

    public static int ItemBytes(bool compact) => compact ? 4 : 16;

    /// <summary>Reads the fixed part of an entry whose object header says <paramref name="size"/> bytes.</summary>
    public static EntryObject Read(ReadOnlySpan<byte> fixedPart, ulong size, bool compact) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[24..]),
        BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[32..]),
        Guid128.Read(fixedPart[40..]),
        BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[56..]),
        (int)Math.Min((size - ItemsOffset) / (ulong)ItemBytes(compact), int.MaxValue));

    /// <summary>The DATA offset of item <paramref name="index"/> in the items region.</summary>
    public static ulong ItemOffset(ReadOnlySpan<byte> items, int index, bool compact) => compact
        ? BinaryPrimitives.ReadUInt32LittleEndian(items[(index * 4)..])
        : BinaryPrimitives.ReadUInt64LittleEndian(items[(index * 16)..]);
}
