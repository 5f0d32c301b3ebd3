namespace Timeline.Core.Ingest;

/// <summary>The result of an ingest run, file by file.</summary>
public sealed record IngestReport(IReadOnlyList<FileOutcome> Files, IReadOnlyList<string> MissingPaths, TimeSpan Elapsed)
{
    public long Events => Files.Sum(f => f.Events);
    public long Warnings => Files.Sum(f => f.Warnings);
    public int Count(FileStatus status) => Files.Count(f => f.Status == status);
}
