using System.IO.Compression;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Core.Vocabulary;
using Timeline.Pipeline;
using Timeline.Parsers;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

/// <summary>
/// Logs as a crash or a careless copy leaves them: NUL runs where the file system extended the file
/// but the data never reached the disk, and .gz rotations that are cut short, concatenated or followed
/// by junk. Every line `zcat`/`cat` shows must become an event, with a warning saying where the damage is.
/// </summary>
public sealed class DamagedTextEvidenceTests
{
    private static string AuthLine(int i) =>
        $"2024-03-02T03:{i / 60 % 60:00}:{i % 60:00}.000000+00:00 web01 sshd[{1000 + i}]: Failed password for root from 192.0.2.{i % 250 + 1} port {40000 + i} ssh2";

    private static (IngestReport Report, List<EventRecord> Events, List<StoredWarning> Warnings) Ingest(string path)
    {
        var casePath = Path.Combine(Path.GetDirectoryName(path)!, "case-" + Guid.NewGuid().ToString("N") + ".db");
        using (var store = CaseStores.OpenForWrite(casePath))
        {
            var report = IngestStep.Run(store, [path], new IngestOptions());
            var events = store.Events().ToList();
            var warnings = store.Warnings().ToList();
            return (report, events, warnings);
        }
    }

    [Fact]
    public void AnAuthLogWithNulRunsInItsHeadIsStillReadAsSyslog()
    {
        var dir = Some.TempDir();
        var path = Path.Combine(dir, "auth.log");
        using (var f = File.Create(path))
        {
            for (var i = 0; i < 40; i++)
            {
                // A crash after line 10 left 4 KiB of NULs before the next line; line 20 has a NUL inside.
                if (i == 10) f.Write(new byte[4096]);
                var text = AuthLine(i);
                if (i == 20) text = text.Replace("root", "ro\0ot", StringComparison.Ordinal);
                f.Write(Encoding.UTF8.GetBytes(text + "\n"));
            }
            f.Write(new byte[300]); // the file ends in a NUL run (the data after it never reached the disk)
        }
        var (report, events, warnings) = Ingest(path);

        var outcome = Assert.Single(report.Files);
        Assert.Equal(FileStatus.Ingested, outcome.Status);
        Assert.Equal("linux/syslog", outcome.Note);
        Assert.Equal(40, events.Count);
        Assert.All(events, e => Assert.NotNull(e.Ticks));
        var afterRun = events.Single(e => e.Origin.Position == 11);
        Assert.Equal("192.0.2.11", afterRun.Fields.Get("src_ip"));
        Assert.StartsWith(@"\x00\x00", afterRun.Message, StringComparison.Ordinal);
        Assert.Contains(@"ro\x00ot", events.Single(e => e.Origin.Position == 21).Message, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Position == 11 && w.Message.Contains("4,096 NUL bytes", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Position == 21 && w.Message.Contains("NUL", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Position == 41 && w.Message.Contains("300 NUL bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void UtmpRecordsAreBinaryAndReadAsLoginRecordsNotAsText()
    {
        // wtmp: 384-byte records of integers and NUL-padded strings (utmp.h), no line structure.
        var records = new MemoryStream();
        for (var i = 0; i < 40; i++)
        {
            var r = new byte[384];
            BitConverter.GetBytes(7).CopyTo(r, 0);                       // ut_type USER_PROCESS
            BitConverter.GetBytes(1000 + i * 37).CopyTo(r, 4);           // ut_pid
            Encoding.ASCII.GetBytes("pts/0").CopyTo(r, 8);
            Encoding.ASCII.GetBytes("ts/0").CopyTo(r, 40);
            Encoding.ASCII.GetBytes("root").CopyTo(r, 44);
            Encoding.ASCII.GetBytes("192.0.2.7").CopyTo(r, 76);
            BitConverter.GetBytes(1709349302 + i * 61).CopyTo(r, 340);  // tv_sec
            BitConverter.GetBytes(123456 + i).CopyTo(r, 344);           // tv_usec
            new byte[] { 192, 0, 2, 7 }.CopyTo(r, 348);                 // ut_addr_v6
            records.Write(r);
        }
        var sample = FormatDetector.Sample(EvidenceSource.FromBytes("var/log/wtmp", records.ToArray(), DateTimeOffset.UnixEpoch));
        Assert.True(sample.LooksBinary);
        // No text parser takes it; since issue 13 the login-record parser reads it by its records.
        Assert.Equal(ParserNames.Utmp, ParserCatalog.Detector().Detect(sample)?.Parser.Name);
    }

    public static TheoryData<string> GzipDamage => ["truncated", "multi-member", "trailing-junk"];

    [Theory]
    [MemberData(nameof(GzipDamage))]
    public void ASmallDamagedGzipYieldsTheLinesZcatRecovers(string damage)
    {
        var lines = Enumerable.Range(0, 200).Select(AuthLine).ToList();
        byte[] Pack(IEnumerable<string> part)
        {
            using var packed = new MemoryStream();
            using (var gz = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
                gz.Write(Encoding.UTF8.GetBytes(string.Concat(part.Select(l => l + "\n"))));
            return packed.ToArray();
        }
        var whole = Pack(lines);
        var bytes = damage switch
        {
            "truncated" => whole[..(whole.Length * 3 / 4)],
            "multi-member" => [.. Pack(lines.Take(120)), .. Pack(lines.Skip(120))],
            _ => [.. whole, .. "junk after the gzip member\n"u8.ToArray()],
        };
        var path = Path.Combine(Some.TempDir(), "auth.log.2.gz");
        File.WriteAllBytes(path, bytes);
        Assert.InRange(lines.Sum(l => l.Length + 1), 1, FormatDetector.HeadBytes - 1);

        var (report, events, warnings) = Ingest(path);

        var outcome = Assert.Single(report.Files);
        Assert.Equal(FileStatus.Ingested, outcome.Status);
        if (damage == "truncated")
        {
            Assert.InRange(events.Count, 1, lines.Count - 1);
            // Every recovered line is the original line (the last one may be cut where the data stops).
            Assert.All(events.SkipLast(1), e => Assert.Equal(lines[(int)e.Origin.Position - 1], e.Message));
        }
        else
        {
            Assert.Equal(lines, events.OrderBy(e => e.Origin.Position).Select(e => e.Message));
        }
        Assert.Contains(warnings, w => w.Message.Contains("gzip", StringComparison.Ordinal) || w.Message.Contains("truncated", StringComparison.Ordinal));
    }
}
