namespace Timeline.Core.Ingest;

/// <summary>What happened to one input file in an ingest run.</summary>
public sealed record FileOutcome(string Path, string? Sha256, FileStatus Status, string? Parser, long Events, long Warnings, string Note);

public enum FileStatus
{
    Ingested,
    /// <summary>The same bytes (SHA-256) are already in the case: nothing added.</summary>
    AlreadyIngested,
    /// <summary>No parser recognised the content; recorded in the case with a warning.</summary>
    Unrecognized,
    /// <summary>The file could not be read at all (permissions, vanished).</summary>
    Unreadable,
}
