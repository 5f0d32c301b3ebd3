namespace Timeline.Core.Ingest;

/// <summary>
/// How far the read pass of an archive on disk has got: compressed bytes of the archive file read so far
/// and its size. Members are counted by <see cref="IngestProgress.FileIndex"/>/<see cref="IngestProgress.FileCount"/>
/// (the member count comes from the survey pass, nested archives included as they are surveyed), so a
/// long archive ingest shows movement even while one big member or thousands of small ones are read.
/// </summary>
public sealed record ArchiveReadProgress(string Archive, long BytesRead, long Bytes)
{
    /// <summary>Share read, 0..100 (a zip's central directory is read first, so the count can run ahead; it is capped).</summary>
    public int Percent => Bytes <= 0 ? 100 : (int)Math.Clamp(BytesRead * 100 / Bytes, 0, 100);
}
