using System.Buffers.Binary;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// The 16 bytes every object starts with:
/// <code>
/// 0  u8    type          JournalObjectType
/// 1  u8    flags         ObjectFlags (DATA compression)
/// 2  u8[6] reserved
/// 8  le64  size          of the whole object, headers included, before padding to 8 bytes
/// </code>
/// Objects follow each other at 8-byte aligned offsets.
/// </summary>
public readonly record struct ObjectHeader(JournalObjectType Type, ObjectFlags Flags, ulong Size)
{
    public const int Bytes = 16;

    public static ObjectHeader Read(ReadOnlySpan<byte> bytes) =>
        new((JournalObjectType)bytes[0], (ObjectFlags)bytes[1], BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));

    /// <summary>The offset of the object after one at <paramref name="offset"/>: size rounded up to 8.</summary>
    public long NextOffset(long offset) => offset + (long)((Size + 7) & ~7UL);

    /// <summary>Smallest size of an object of each type (its fixed part), 0 for unknown types.</summary>
    public static int MinimumSize(JournalObjectType type, bool compact) => type switch
    {
        JournalObjectType.Data => DataObject.PayloadOffset(compact),
        JournalObjectType.Field => 40,
        JournalObjectType.Entry => EntryObject.ItemsOffset,
        JournalObjectType.DataHashTable or JournalObjectType.FieldHashTable => Bytes,
        JournalObjectType.EntryArray => EntryArrayChain.ItemsOffset,
        JournalObjectType.Tag => 64,
        _ => 0,
    };

    /// <summary>A header that can be an object at <paramref name="offset"/> of a file of <paramref name="fileLength"/> bytes.</summary>
    public bool IsPlausible(long offset, long fileLength, bool compact)
    {
        var minimum = MinimumSize(Type, compact);
        return minimum > 0 && Size >= (ulong)minimum && Size <= (ulong)(fileLength - offset) && (Flags & ~ObjectFlags.Compression) == 0;
    }
}
