namespace Timeline.Pipeline;

/// <summary>
/// The check of one recorded evidence file. <see cref="Container"/> is the file on disk that was
/// hashed; <see cref="Member"/> names a member inside it when the evidence was an archive member
/// (null for a plain file): members are re-hashed by re-reading the archive found the same way.
/// </summary>
public sealed record VerifiedFile(
    string RecordedPath,
    string? Member,
    string RecordedSha256,
    long RecordedSize,
    VerifyStatus Status,
    string? Container,
    string? ActualSha256,
    string Note);

public enum VerifyStatus
{
    /// <summary>Found (at its recorded path or under an evidence root) with the recorded SHA-256.</summary>
    Match,
    /// <summary>A file is where the evidence was (recorded path, or the same relative path under a root) but its bytes differ.</summary>
    Changed,
    /// <summary>Not found: not at its recorded path, and no file under the evidence roots has its SHA-256 or path.</summary>
    Missing,
}
