using System.Formats.Tar;
using System.IO.Compression;
using Timeline.Core.Ingest.Archives;

namespace Timeline.Fuzz;

/// <summary>
/// Feeds bytes to the archive reader the way ingest does (<see cref="ArchiveWalk"/>: magic bytes, the
/// survey pass, the read pass with nested archives, each member spooled and hashed, then read through),
/// without a case and without parsers. Bounded: the limits below keep one input well inside afl's time
/// limit; a member over the memory bound is spooled to the walk's own private temporary folder, which is
/// deleted after each input — nothing else touches the disk. Damage and bounds are warnings by design
/// (<see cref="ArchiveProblems"/>); any exception escaping is a bug.
/// </summary>
public static class ArchiveInput
{
    private static readonly ArchiveLimits Limits = new()
    {
        MaxTotalBytes = 64L * 1024 * 1024,
        RatioAfterBytes = 1024 * 1024,
        MaxMembers = 10_000,
        SpoolMemoryBytes = 1024 * 1024,
    };

    public static void Read(byte[] bytes)
    {
        var format = ArchiveSignature.Of(() => new MemoryStream(bytes, writable: false));
        if (format == ArchiveFormat.None) return;
        using var temp = new PrivateTempFolder();
        var problems = new ArchiveProblems(Limits.ListedProblems);
        var walk = new ArchiveWalk(Limits, temp, _ => false, member =>
        {
            using var content = member.Source.OpenContent();
            content.CopyTo(Stream.Null);
        }, nested => GC.KeepAlive(nested), CancellationToken.None);
        GC.KeepAlive(walk.Run("/fuzz/input", "input", () => new MemoryStream(bytes, writable: false), format, new string('0', 64), problems));
        GC.KeepAlive(problems.All().Count());
    }

    /// <summary>
    /// Seeds built here (the repository commits no archive binaries): a UAC-like tar, its gzip, a zip
    /// with a Velociraptor layout, and a tar holding a nested tar.gz, over the project's own samples.
    /// </summary>
    public static IEnumerable<byte[]> Seeds(string root)
    {
        var auth = File.ReadAllBytes(Path.Combine(root, "sample-logs/linux/auth/ubuntu2204-traditional.log"));
        var ps = File.ReadAllBytes(Path.Combine(root, "sample-logs/live/ps/ps_auxwww.txt"));
        var uacLog = "2024-03-02 06:00:00 +0000 INFO Hostname: web01\n"u8.ToArray();
        var uac = Tar(("uac.log", uacLog), ("[root]/var/log/auth.log", auth), ("live_response/process/ps_auxwww.txt", ps));
        yield return uac;
        yield return Gzip(uac);
        yield return Zip(("client_info.json", "{\"Hostname\":\"web01\"}"u8.ToArray()), ("uploads/auto/%2Fvar%2Flog%2Fauth.log", auth));
        yield return Tar(("catscale_out/Logs/web01-20240302-0600-var-log.tar.gz", Gzip(Tar(("var/log/auth.log", auth)))));
    }

    private static byte[] Tar(params (string Name, byte[] Content)[] members)
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in members)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
        return ms.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] members)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in members)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }
}
