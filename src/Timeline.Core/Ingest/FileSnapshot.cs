namespace Timeline.Core.Ingest;

/// <summary>
/// A file's size and last-write time at one moment. Taken before hashing and again after parsing:
/// a difference means the file changed while it was read (a live log being written).
/// </summary>
public readonly record struct FileSnapshot(long Length, DateTime ModifiedUtc)
{
    public static FileSnapshot Take(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileSnapshot(info.Length, info.LastWriteTimeUtc) : new FileSnapshot(-1, DateTime.MinValue);
    }

    /// <summary>What changed since <paramref name="before"/>, in words; null when nothing did.</summary>
    public string? ChangeSince(FileSnapshot before)
    {
        if (this == before) return null;
        if (Length < 0) return "it was removed";
        var parts = new List<string>();
        if (Length != before.Length) parts.Add($"size {before.Length:N0} → {Length:N0} bytes");
        if (ModifiedUtc != before.ModifiedUtc) parts.Add($"modified {before.ModifiedUtc:yyyy-MM-ddTHH:mm:ss.fffZ} → {ModifiedUtc:yyyy-MM-ddTHH:mm:ss.fffZ}");
        return string.Join(", ", parts);
    }
}
