using System.Buffers.Binary;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// The file header (systemd's JOURNAL_FILE_FORMAT), little-endian, of <c>header_size</c> bytes: 208
/// in the oldest files (up to <c>n_data</c>), 240 (systemd 189), 256 (246), 264 (252), 272 (254).
/// <code>
///   0 "LPKSHHRH"                 88 header_size              160 tail_entry_seqnum
///   8 le32 compatible_flags      96 arena_size               168 head_entry_seqnum
///  12 le32 incompatible_flags   104 data_hash_table_offset   176 entry_array_offset   ← the chain of all entries
///  16 u8 state, 7 reserved      112 data_hash_table_size     184 head_entry_realtime
///  24 file_id                   120 field_hash_table_offset  192 tail_entry_realtime
///  40 machine_id                128 field_hash_table_size    200 tail_entry_monotonic
///  56 tail_entry_boot_id        136 tail_object_offset       208 n_data … (later additions)
///  72 seqnum_id                 144 n_objects  152 n_entries
/// </code>
/// Only the fields this reader uses are kept.
/// </summary>
public sealed record JournalHeader
{
    /// <summary>The magic of every journal file.</summary>
    public static ReadOnlySpan<byte> Signature => "LPKSHHRH"u8;

    /// <summary>The oldest header: every field up to <c>n_data</c>.</summary>
    public const int MinimumSize = 208;

    /// <summary>Bytes read for the header: the newest known size (systemd 254 added <c>tail_entry_offset</c>).</summary>
    public const int KnownSize = 272;

    public required CompatibleFlags Compatible { get; init; }
    public required IncompatibleFlags Incompatible { get; init; }
    public required byte State { get; init; }
    public required Guid128 SeqnumId { get; init; }
    public required ulong HeaderSize { get; init; }
    public required ulong ArenaSize { get; init; }
    public required ulong TailObjectOffset { get; init; }
    public required ulong EntryCount { get; init; }
    public required ulong EntryArrayOffset { get; init; }

    public bool Compact => (Incompatible & IncompatibleFlags.Compact) != 0;

    public IncompatibleFlags UnknownIncompatible => Incompatible & ~IncompatibleFlags.Known;

    /// <summary>Reads the header from at least <see cref="MinimumSize"/> bytes that start with <see cref="Signature"/>.</summary>
    public static JournalHeader Read(ReadOnlySpan<byte> b) => new()
    {
        Compatible = (CompatibleFlags)BinaryPrimitives.ReadUInt32LittleEndian(b[8..]),
        Incompatible = (IncompatibleFlags)BinaryPrimitives.ReadUInt32LittleEndian(b[12..]),
        State = b[16],
        SeqnumId = Guid128.Read(b[72..]),
        HeaderSize = U64(b, 88),
        ArenaSize = U64(b, 96),
        TailObjectOffset = U64(b, 136),
        EntryCount = U64(b, 152),
        EntryArrayOffset = U64(b, 176),
    };

    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);
}

/// <summary>A 128-bit id (boot id, seqnum id) as its 16 bytes; written as 32 lower-case hex digits like journalctl does.</summary>
public readonly record struct Guid128(ulong High, ulong Low)
{
    public static Guid128 Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public override string ToString() => string.Create(32, this, static (chars, id) =>
    {
        id.High.TryFormat(chars, out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        id.Low.TryFormat(chars[16..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
    });
}
