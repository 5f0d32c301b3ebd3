namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// Header <c>incompatible_flags</c> (systemd's JOURNAL_FILE_FORMAT): features a reader must
/// understand. A bit not listed here means a newer format this reader cannot read safely, so the
/// file is refused with a warning rather than misread.
/// </summary>
[Flags]
public enum IncompatibleFlags : uint
{
    None = 0,
    /// <summary>Some DATA payloads are an xz stream.</summary>
    CompressedXz = 1 << 0,
    /// <summary>Some DATA payloads are an le64 size and an LZ4 block (systemd 221 and later, until zstd).</summary>
    CompressedLz4 = 1 << 1,
    /// <summary>Hash tables use siphash24 keyed by the file id (systemd 246); readers that do not look items up by hash can ignore it.</summary>
    KeyedHash = 1 << 2,
    /// <summary>Some DATA payloads are a zstd frame (systemd 246; the default from 252).</summary>
    CompressedZstd = 1 << 3,
    /// <summary>32-bit offsets in ENTRY items and ENTRY_ARRAY items, two extra fields in DATA (systemd 252).</summary>
    Compact = 1 << 4,

    Known = CompressedXz | CompressedLz4 | KeyedHash | CompressedZstd | Compact,
}

/// <summary>Header <c>compatible_flags</c>: features a reader may ignore.</summary>
[Flags]
public enum CompatibleFlags : uint
{
    None = 0,
    /// <summary>TAG objects for Forward Secure Sealing are present (not verified here).</summary>
    Sealed = 1 << 0,
    /// <summary><c>tail_entry_boot_id</c> is only updated on append.</summary>
    TailEntryBootId = 1 << 1,
}

/// <summary>Object header <c>flags</c>: how a DATA payload is compressed (at most one bit).</summary>
[Flags]
public enum ObjectFlags : byte
{
    None = 0,
    CompressedXz = 1 << 0,
    CompressedLz4 = 1 << 1,
    CompressedZstd = 1 << 2,

    Compression = CompressedXz | CompressedLz4 | CompressedZstd,
}

/// <summary>
/// Header <c>state</c>. A writer sets Online while it has the file open and Offline when it closes
/// it; a file rotated away is Archived. A file copied from a running system, or left by a crash
/// (journald renames those to <c>*.journal~</c>), is Online: its last entries may be written but not
/// yet linked into the entry array chain.
/// </summary>
public enum JournalFileState : byte
{
    Offline = 0,
    Online = 1,
    Archived = 2,
}
