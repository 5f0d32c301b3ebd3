namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// One regular archive member handed to the ingest: its display path
/// (<c>archive.tar.gz!/[root]/var/log/auth.log</c>), its path on the examined host when the layout says
/// (<c>/var/log/auth.log</c>), its own SHA-256 and the SHA-256 of the archive file on disk, the
/// content (spooled), the collection it belongs to, and — for a file the collector wrote about its own
/// run (<see cref="CollectorMetadataMember"/>) — what it is.
/// </summary>
public sealed record MemberEvidence(string DisplayPath, string? HostPath, string Sha256, long Size, EvidenceSource Source, string ArchiveSha256, Collection Collection, string? CollectorMetadata = null);

/// <summary>A nested archive, read in place of a member: recorded as evidence itself once its members are done.</summary>
public sealed record NestedArchive(string DisplayPath, string Sha256, long Size, ArchiveFormat Format, DateTimeOffset ModifiedUtc, string ArchiveSha256, ArchiveProblems Problems, int Members);
