using Timeline.Core.Limits;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// The bounds one archive is read under (defaults from <see cref="Bounds"/>). Tests lower them to
/// reach a bound with a small archive; the analyst never needs to.
/// </summary>
public sealed record ArchiveLimits
{
    /// <summary>Largest decompressed/compressed ratio, checked once <see cref="RatioAfterBytes"/> have been decompressed.</summary>
    public int MaxRatio { get; init; } = Bounds.ArchiveRatio;
    public long RatioAfterBytes { get; init; } = Bounds.ArchiveRatioAfterBytes;
    /// <summary>Largest total decompressed size of one archive, nested members included.</summary>
    public long MaxTotalBytes { get; init; } = Bounds.ArchiveBytes;
    public int MaxMembers { get; init; } = Bounds.ArchiveMembers;
    public int MaxPathLevels { get; init; } = Bounds.ArchivePathLevels;
    public int MaxNesting { get; init; } = Bounds.ArchiveNesting;
    /// <summary>A member up to this size is held in memory; a larger one goes to the private temporary folder.</summary>
    public int SpoolMemoryBytes { get; init; } = Bounds.ArchiveSpoolMemoryBytes;
    /// <summary>Problems of one kind listed one by one per archive; the rest are counted in one summary.</summary>
    public int ListedProblems { get; init; } = Bounds.ArchiveListedProblems;
}
