namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// One member as the archive states it. <see cref="Content"/> is readable only during the visit
/// (a tar stream moves on); null for members that are not regular files.
/// </summary>
public sealed record ArchiveMember(
    string Name,
    MemberKind Kind,
    string? LinkTarget,
    long DeclaredSize,
    long? CompressedSize,
    DateTimeOffset ModifiedUtc,
    bool Encrypted,
    Stream? Content,
    string KindText);
