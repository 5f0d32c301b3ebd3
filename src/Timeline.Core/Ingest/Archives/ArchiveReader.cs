using System.Formats.Tar;
using System.IO.Compression;
using SharpCompress.Readers;
using SharpCompress.Readers.Zip;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// Streams the members of one archive in stored order, handing each to a visitor while its content
/// is readable. Tar (plain, gzip, xz, zstd) is read forward-only with <see cref="TarReader"/>
/// (POSIX pax and GNU long names, v7 headers); zip through its central directory with
/// <see cref="ZipArchive"/> (needs a seekable stream: the file on disk, or a spooled nested zip).
/// A zip without a readable central directory — cut short by a failed copy or download, which loses the
/// directory first since it is written last — is read again from its start through the local file
/// headers (SharpCompress's forward-only <see cref="ZipReader"/>), so the members before the cut are
/// kept, with a notice saying so.
/// Damage (a truncated stream, a bad header) surfaces as an exception from <see cref="Read"/> after
/// every member before it was visited; the caller turns it into a warning with the offset.
/// </summary>
public static class ArchiveReader
{
    // charge: called with every count of decompressed bytes read (the bomb guard throws from it).
    // notice: told once when the archive is read in a degraded way (a zip through its local headers).
    public static void Read(Stream raw, ArchiveFormat format, Action<int> charge, Action<ArchiveMember> visit, Action<string> notice, CancellationToken cancellation)
    {
        if (format == ArchiveFormat.Zip)
        {
            ReadZip(raw, charge, visit, notice, cancellation);
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

    private static void ReadZip(Stream raw, Action<int> charge, Action<ArchiveMember> visit, Action<string> notice, CancellationToken cancellation)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(raw, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex) when (raw.CanSeek)
        {
            notice($"the zip's central directory cannot be read ({ex.Message}): the archive is probably truncated; its members are read from their local headers, up to the damage");
            raw.Position = 0;
            ReadZipLocalHeaders(raw, charge, visit, cancellation);
            return;
        }
        using var _ = zip;
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

    /// <summary>
    /// The members of a zip in stored order from their local file headers. Modes and link targets live in
    /// the lost central directory, so every non-directory member is read as a regular file.
    /// </summary>
    private static void ReadZipLocalHeaders(Stream raw, Action<int> charge, Action<ArchiveMember> visit, CancellationToken cancellation)
    {
        try
        {
            ReadLocalHeaders(raw, charge, visit, cancellation);
        }
        catch (Exception ex) when (ex.GetType().Namespace?.StartsWith("SharpCompress", StringComparison.Ordinal) == true)
        {
            // SharpCompress's own damage exceptions (ArchiveException, IncompleteArchiveException, ZlibException …): the same as
            // InvalidDataException from the BCL readers, so the walk reports them as damage with the offset.
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private static void ReadLocalHeaders(Stream raw, Action<int> charge, Action<ArchiveMember> visit, CancellationToken cancellation)
    {
        using var reader = ZipReader.OpenReader(raw, new ReaderOptions { LeaveStreamOpen = true });
        while (reader.MoveToNextEntry())
        {
            cancellation.ThrowIfCancellationRequested();
            var entry = reader.Entry;
            // DOS times carry no zone; read them as ZipArchive does (local time of this machine), extended UTC times as they are.
            var modified = entry.LastModifiedTime is { } t
                ? new DateTimeOffset(t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Local)).ToUniversalTime()
                : DateTimeOffset.MinValue;
            if (entry.IsDirectory)
            {
                visit(new ArchiveMember(entry.Key ?? "", MemberKind.Directory, null, entry.Size, entry.CompressedSize, modified, false, null, "Directory"));
                continue;
            }
            if (entry.IsEncrypted)
            {
                visit(new ArchiveMember(entry.Key ?? "", MemberKind.File, null, entry.Size, entry.CompressedSize, modified, true, null, "encrypted"));
                continue;
            }
            using var content = new CountingStream(reader.OpenEntryStream(), cancellation, charge);
            visit(new ArchiveMember(entry.Key ?? "", MemberKind.File, null, entry.Size, entry.CompressedSize, modified, false, content, "file"));
        }
    }
}
