namespace Timeline.Core.Store;

/// <summary>
/// One ingested evidence file: the chain-of-custody record. Keyed by SHA-256, so the same bytes
/// are never ingested twice, whatever their path.
/// </summary>
public sealed record EvidenceFile
{
    public required string Sha256 { get; init; }
    /// <summary>The path as given to ingest; for an archive member <c>archive.tar.gz!/[root]/var/log/auth.log</c> (nested: one <c>!/</c> per level).</summary>
    public required string Path { get; init; }
    /// <summary>
    /// Other paths the same bytes were found under (a copy in a second folder, a rotated name, the same member in two
    /// archives), in the order found: one evidence file, every path listed, its events stored once. At most
    /// <see cref="MaxOtherPaths"/> are listed; <see cref="OtherPathCount"/> counts them all.
    /// </summary>
    public IReadOnlyList<string> OtherPaths { get; init; } = [];
    public long OtherPathCount { get; init; }
    public const int MaxOtherPaths = 1_000;
    /// <summary>For an archive member (or a nested archive): the SHA-256 of the archive file on disk that holds it; null for a file on disk.</summary>
    public string? ArchiveSha256 { get; init; }
    /// <summary>For an archive member: its path on the examined host when the collector's layout says (<c>/var/log/auth.log</c>).</summary>
    public string? HostPath { get; init; }
    public required long Size { get; init; }
    public required long ModifiedTicks { get; init; }
    public long? GzipModifiedTicks { get; init; }
    /// <summary>The file-level parser chosen by content detection, e.g. <c>linux/syslog</c>.</summary>
    public required string Format { get; init; }
    /// <summary>The parser most of its events came from, e.g. <c>linux/auth</c> (the public <c>parser</c> of the file).</summary>
    public string Parser { get; init; } = "";
    public IReadOnlyDictionary<string, long> EventsByParser { get; init; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, long> EventsByTimeQuality { get; init; } = new Dictionary<string, long>();
    public long Events { get; init; }
    public long Warnings { get; init; }
    public long? FirstTicks { get; init; }
    public long? LastTicks { get; init; }
    public string HostNote { get; init; } = "";
    public required EvidenceState State { get; init; }
    public required long IngestedTicks { get; init; }
    public long DurationMs { get; init; }
}

public enum EvidenceState
{
    /// <summary>Ingest started and did not finish (crash or kill); its partial events are not shown and are removed by the next ingest.</summary>
    Incomplete = 0,
    Complete = 1,
}
