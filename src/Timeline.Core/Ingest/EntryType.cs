namespace Timeline.Core.Ingest;

/// <summary>What a directory entry is, from its mode bits (lstat: links are not followed).</summary>
public enum EntryType
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    /// <summary>A named pipe: open() blocks until a writer comes, perhaps forever.</summary>
    Fifo,
    /// <summary>A character device (/dev/zero, a terminal): reads may never end.</summary>
    CharacterDevice,
    BlockDevice,
    Socket,
}
