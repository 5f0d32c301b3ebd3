using System.Formats.Tar;
using System.IO.Compression;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Streams the members of one archive in stored order, handing each to a visitor while its content
/// is readable. Tar (plain, gzip, xz, zstd) is read forward-only with <see cref="TarReader"/>
/// (POSIX pax and GNU long names, v7 headers); zip through its central directory with
/// <see cref="ZipArchive"/> (needs a seekable stream: the file on disk, or a spooled nested zip).
/// Damage (a truncated stream, a bad header) surfaces as an exception from <see cref="Read"/> after
/// every member before it was visited; the caller turns it into a warning with the offset.
/// </summary>
public static class ArchiveReader
{
    // charge: called with every count of decompressed bytes read (the bomb guard throws from it).
    public static void Read(Stream raw, ArchiveFormat format, Action<int> charge, Action<ArchiveMember> visit, CancellationToken cancellation)
    {
        if (format == ArchiveFormat.Zip)
        {
            ReadZip(raw, charge, visit, cancellation);
            return;
        }
        using var decompressor = ArchiveSignature.Decompress(raw, format);
        using var decompressed = new CountingStream(decompressor, cancellation, charge) { LeaveOpen = true };
        using var tar = new TarReader(decompressed, leaveOpen: true);
        while (tar.GetNextEntry(copyData: false) is { } entry)
        {
            var kind = KindOf(entry.EntryType);
            var content = kind == MemberKind.File ? entry.DataStream ?? Stream.Null : null;
            visit(new ArchiveMember(entry.Name, kind, kind is MemberKind.SymbolicLink or MemberKind.HardLink ? entry.LinkName : null,
                entry.Length, null, entry.ModificationTime.ToUniversalTime(), false, content, entry.EntryType.ToString()));
        }
    }

    private static MemberKind KindOf(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => MemberKind.File,
        TarEntryType.Directory => MemberKind.Directory,
        TarEntryType.SymbolicLink => MemberKind.SymbolicLink,
        TarEntryType.HardLink => MemberKind.HardLink,
        _ => MemberKind.Other, // devices, FIFOs, GNU sparse files (their data is a map, not the content)
    };

    private static void ReadZip(Stream raw, Action<int> charge, Action<ArchiveMember> visit, CancellationToken cancellation)
    {
        using var zip = new ZipArchive(raw, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            // Unix mode in the high 16 bits of the external attributes (zip made on Unix): S_IFLNK = 0xA000.
            var mode = (entry.ExternalAttributes >> 16) & 0xF000;
            var directory = entry.FullName.EndsWith('/') || mode == 0x4000;
            var kind = directory ? MemberKind.Directory : mode == 0xA000 ? MemberKind.SymbolicLink : MemberKind.File;
            if (entry.IsEncrypted)
            {
                visit(new ArchiveMember(entry.FullName, kind, null, entry.Length, entry.CompressedLength, entry.LastWriteTime.ToUniversalTime(), true, null, "encrypted"));
                continue;
            }
            string? target = null;
            if (kind == MemberKind.SymbolicLink)
            {
                // A zip symlink stores its target as the content (short; read bounded).
                using var s = entry.Open();
                var buffer = new byte[4096];
                var got = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                target = System.Text.Encoding.UTF8.GetString(buffer, 0, got);
            }
            if (kind != MemberKind.File)
            {
                visit(new ArchiveMember(entry.FullName, kind, target, entry.Length, entry.CompressedLength, entry.LastWriteTime.ToUniversalTime(), false, null, kind.ToString()));
                continue;
            }
            using var content = new CountingStream(entry.Open(), cancellation, charge);
            visit(new ArchiveMember(entry.FullName, kind, null, entry.Length, entry.CompressedLength, entry.LastWriteTime.ToUniversalTime(), false, content, "file"));
        }
    }
}
