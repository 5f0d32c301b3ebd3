using Timeline.Cli.Infrastructure;
using Timeline.Core.Ingest;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;
using static Timeline.Tests.Ingest.Archives.ArchiveBuilder;

namespace Timeline.Tests.Cli;

/// <summary>The ingest progress line: files by count; inside an archive, members by count and the archive by bytes read.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void AFileIsShownByItsCountAndName()
    {
        var line = ProgressLine.Render(new IngestProgress(3, 12, "/evidence/var/log/auth.log", 900, 1234, 2, TimeSpan.FromSeconds(2)));
        Assert.Equal("[3/12] auth.log  1,234 events  2 warnings  617 events/s", line);
    }

    [Fact]
    public void AnArchiveMemberIsShownByMemberCountAndTheShareOfTheArchiveRead()
    {
        var archive = new ArchiveReadProgress("/cases/uac-web01-linux-20240302060000.tar.gz", 444_000_000, 1_200_000_000);
        var line = ProgressLine.Render(new IngestProgress(40, 2310, "/cases/uac-web01-linux-20240302060000.tar.gz!/[root]/var/log/auth.log", 10, 1234, 0, TimeSpan.Zero, archive));
        Assert.Equal("[member 40/2,310] uac-web01-linux-202… › auth.log  37% of 1.1 GiB read  1,234 events  0 warnings", line);
    }

    [Fact]
    public void ANestedMemberShowsItsOwnNameAndHostileNamesAreMadeSafe()
    {
        var archive = new ArchiveReadProgress("/c/catscale_web01-20240302-0600.tar.gz", 10, 10);
        var nested = ProgressLine.Render(new IngestProgress(2, 3, "/c/catscale_web01-20240302-0600.tar.gz!/catscale_out/Logs/web01-var-log.tar.gz!/var/log/syslog", 1, 1, 0, TimeSpan.Zero, archive));
        Assert.Contains("› syslog  100% of 10 B read", nested, StringComparison.Ordinal);
        var hostile = ProgressLine.Render(new IngestProgress(1, 1, "/c/x.tar!/tmp/\u001b]0;owned\u0007\u001b[2J.log", 1, 1, 0, TimeSpan.Zero, archive));
        Assert.DoesNotContain('\u001b', hostile);
        Assert.DoesNotContain('\u0007', hostile);
    }

    [Fact]
    public void ALongArchiveIngestReportsEveryMemberAndTheBytesOfTheArchiveRead()
    {
        const int members = 60;
        var files = Enumerable.Range(1, members)
            .Select(i => ($"var/log/app{i:00}.log", $"Mar  2 03:15:{i % 60:00} web01 sshd[{i}]: Accepted password for root from 203.0.113.{i} port 22 ssh2\n"))
            .ToArray();
        var bytes = Gzip(Tar(files));
        var dir = Some.TempDir();
        var path = Path.Combine(dir, "triage.tar.gz");
        File.WriteAllBytes(path, bytes);
        var reports = new List<IngestProgress>();
        using (var store = CaseStores.OpenForWrite(Path.Combine(dir, "case.db")))
            IngestStep.Run(store, [path], new IngestOptions { Year = 2024, Progress = reports.Add });

        var inArchive = reports.Where(r => r.Archive is not null).ToList();
        Assert.NotEmpty(inArchive);
        Assert.All(inArchive, r => Assert.Equal(members, r.FileCount));
        Assert.All(inArchive, r => Assert.Equal(bytes.Length, r.Archive!.Bytes));
        Assert.Equal(Enumerable.Range(1, members), inArchive.Select(r => r.FileIndex).Distinct());
        Assert.True(inArchive.Zip(inArchive.Skip(1)).All(p => p.First.Archive!.BytesRead <= p.Second.Archive!.BytesRead), "bytes read go backwards");
        Assert.InRange(inArchive[^1].Archive!.BytesRead, 1, bytes.Length);
        Assert.StartsWith($"[member {members}/{members}] triage.tar.gz › app{members}.log", ProgressLine.Render(inArchive[^1]), StringComparison.Ordinal);
    }
}
