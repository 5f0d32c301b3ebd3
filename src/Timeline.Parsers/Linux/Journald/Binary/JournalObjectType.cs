namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>The object types of a journal file (the <c>type</c> byte of every object header).</summary>
public enum JournalObjectType : byte
{
    Unused = 0,
    /// <summary>One field of one or more entries: <c>NAME=value</c>, possibly compressed.</summary>
    Data = 1,
    /// <summary>A field name, linking the DATA objects of that name.</summary>
    Field = 2,
    /// <summary>One log entry: timestamps, boot id and the offsets of its DATA objects.</summary>
    Entry = 3,
    DataHashTable = 4,
    FieldHashTable = 5,
    /// <summary>A sorted array of ENTRY offsets, chained to the next array.</summary>
    EntryArray = 6,
    /// <summary>A Forward Secure Sealing tag.</summary>
    Tag = 7,
}
