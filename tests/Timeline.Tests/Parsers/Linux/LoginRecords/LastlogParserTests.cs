using System.Buffers.Binary;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Linux.LoginRecords;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.LoginRecords;

public sealed class LastlogParserTests
{
    private static readonly LastlogParser Parser = new();
    private static string Sample(string name) => Path.Combine(RepoPaths.SampleLogs, "linux", "lastlog", name);

    private static byte[] Record(uint seconds, string line, byte[] host)
    {
        var r = new byte[292];
        BinaryPrimitives.WriteUInt32LittleEndian(r, seconds);
        Encoding.ASCII.GetBytes(line).CopyTo(r, 4);
        host.AsSpan(0, Math.Min(256, host.Length)).CopyTo(r.AsSpan(36));
        return r;
    }

    [Fact]
    public void TheUidIsTheRecordIndexAndTheTimeIsExact()
    {
        var outcome = ParserHarness.ParseFile(Sample("lastlog"));
        Assert.Equal(["0", "1000", "1001", "1002"], outcome.Events.Select(e => e.Fields[FieldNames.Uid]));
        var root = outcome.Events[0];
        Assert.Equal(new DateTime(2026, 11, 30, 3, 15, 2, DateTimeKind.Utc).Ticks, root.Ticks);
        Assert.Equal(TimeQuality.Exact, root.TimeQuality);
        Assert.Equal("203.0.113.45", root.Fields[FieldNames.SrcIp]);
        Assert.Equal("2001:db8::7", outcome.Events[1].Fields[FieldNames.SrcIp]);
        // uid 1001 was set by shadow's own `lastlog -S`: line "lastlog", host "localhost".
        Assert.Equal("localhost", outcome.Events[2].Fields[FieldNames.SrcHost]);
        Assert.Equal(1001 + 1, outcome.Events[2].Origin.Position);
    }

    [Fact]
    public void The296ByteLayoutReadsTheSameRecords()
    {
        var a = ParserHarness.ParseFile(Sample("lastlog"));
        var b = ParserHarness.ParseFile(Sample("lastlog-aarch64"));
        Assert.Same(LastlogLayout.Wide, LastlogLayoutDetector.Detect(File.ReadAllBytes(Sample("lastlog-aarch64")).AsSpan(0, 64 * 1024), 0, null)?.Layout);
        Assert.Equal(a.Events.Select(e => (e.Ticks, e.Message)), b.Events.Select(e => (e.Ticks, e.Message)));
    }

    [Fact]
    public void ASparseFileWhoseHeadIsAHoleIsFoundByNameAndReadFromItsFirstRecord()
    {
        var bytes = File.ReadAllBytes(Sample("lastlog-sparse"));
        var head = bytes[..(64 * 1024)];
        Assert.Equal(40, Parser.Sniff(new SniffSample("var/log/lastlog", head, [])));
        Assert.Equal(0, Parser.Sniff(new SniffSample("var/log/zeros.bin", head, [])));
        var e = Assert.Single(ParserHarness.ParseBytes(Parser, bytes, "var/log/lastlog").Events);
        Assert.Equal("1001", e.Fields[FieldNames.Uid]);
    }

    [Fact]
    public void HostileAndDamagedFilesWarnAndKeepTheRest()
    {
        var control = Encoding.UTF8.GetBytes("evil\u001b]0;x\u0007host");
        var file = Record(1_796_008_502, "pts/1", Encoding.ASCII.GetBytes("203.0.113.45"))
            .Concat(Record(1_796_008_600, "pts/2", control))
            .Concat(new byte[100]) // a truncated third record
            .ToArray();
        var outcome = ParserHarness.ParseBytes(Parser, file, "var/log/lastlog");
        Assert.Equal(2, outcome.Events.Count);
        Assert.Equal("evil\u001b]0;x\u0007host", outcome.Events[1].Fields[FieldNames.SrcHost]);
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 2 && w.Message.Contains("not a valid lastlog record", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 3 && w.Message.Contains("offset 584", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyAndAllZeroFilesGiveNoEvents()
    {
        Assert.Empty(ParserHarness.ParseBytes(Parser, [], "var/log/lastlog").Events);
        var zeros = ParserHarness.ParseBytes(Parser, new byte[292 * 4], "var/log/lastlog");
        Assert.Empty(zeros.Events);
        Assert.Contains(zeros.Warnings, w => w.Message.Contains("all zeros", StringComparison.Ordinal));
    }

    [Fact]
    public void TextWithoutNulIsNotLastlog()
    {
        // Four letters read as ll_time fall in 1985–2100 ("AAAA" = 2004) and text is printable: only
        // the missing NUL terminators tell (the CLI's 10 MB-line auth.log was once read as lastlog).
        var text = Encoding.ASCII.GetBytes("2024-03-02T03:15:04.000000+00:00 web01 sshd[1]: " + new string('A', 64 * 1024));
        Assert.Equal(0, Parser.Sniff(new SniffSample("auth.log", text[..(64 * 1024)], [])));
    }

    [Fact]
    public void UtmpAndTextAreNotLastlog()
    {
        foreach (var other in new[] { "linux/utmp/wtmp", "linux/utmp/btmp", "linux/auth/debian12-rfc3339.log", "linux/wtmpdb/wtmp.db" })
        {
            var head = File.ReadAllBytes(Path.Combine(RepoPaths.SampleLogs, other)).Take(64 * 1024).ToArray();
            Assert.True(Parser.Sniff(new SniffSample(other, head, [])) == 0, other);
        }
    }
}
