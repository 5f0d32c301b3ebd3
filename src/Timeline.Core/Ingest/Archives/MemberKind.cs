namespace Timeline.Core.Ingest.Archives;

/// <summary>What an archive member is. Only regular files are evidence content; links are recorded, never followed.</summary>
public enum MemberKind
{
    File,
    Directory,
    SymbolicLink,
    HardLink,
    /// <summary>Devices, FIFOs, sparse or unknown entry types: recorded, not read.</summary>
    Other,
}
