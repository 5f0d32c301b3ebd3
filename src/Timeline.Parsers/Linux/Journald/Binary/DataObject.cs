using System.Buffers.Binary;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// A DATA object: one <c>NAME=value</c> shared by every entry that has it.
/// <code>
///  0 object header (16)        40 entry_offset         regular:                compact:
/// 16 le64 hash                 48 entry_array_offset   64 payload…             64 le32 tail_entry_array_offset
/// 24 le64 next_hash_offset     56 le64 n_entries                               68 le32 tail_entry_array_n_entries
/// 32 le64 next_field_offset                                                    72 payload…
/// </code>
/// The payload is <c>NAME=value</c> (the value may be binary), or, with an ObjectFlags compression
/// bit, that text compressed (<see cref="PayloadDecompressor"/>). <c>n_entries</c> is how many
/// entries share the object: a reader caches the decoded fields of shared objects.
/// </summary>
public static class DataObject
{
    private const int EntryCountOffset = 56;

    /// <summary>Where the payload starts: 64, or 72 in the compact layout.</summary>
    public static int PayloadOffset(bool compact) => compact ? 72 : 64;

    public static ulong EntryCount(ReadOnlySpan<byte> objectBytes) =>
        BinaryPrimitives.ReadUInt64LittleEndian(objectBytes[EntryCountOffset..]);
}
