using System.Text;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Live;

/// <summary>Live-state outputs are recognised by content, whatever the file is called, and do not collide with the syslog family.</summary>
public sealed class LiveDetectionTests
{
    public static TheoryData<string, string> Samples() => new()
    {
        { "sample-logs/live/ps/ps_auxwww.txt", ParserNames.LiveProcesses },
        { "sample-logs/live/ps/ps_-ef.txt", ParserNames.LiveProcesses },
        { "sample-logs/live/top/top_-b_-n1.txt", ParserNames.LiveTop },
        { "sample-logs/live/ss/ss_-tanp.txt", ParserNames.LiveSockets },
        { "sample-logs/live/netstat/netstat_-anp.txt", ParserNames.LiveNetstat },
        { "sample-logs/live/lsof/lsof_-nP.txt", ParserNames.LiveOpenFiles },
        { "sample-logs/live/last/last_-F.txt", ParserNames.LiveLogins },
        { "sample-logs/live/systemctl/list-units.txt", ParserNames.LiveUnits },
        { "sample-logs/live/proc/running_processes_full_paths.txt", ParserNames.LiveProc },
        { "sample-logs/linux/auth/ubuntu2204-traditional.log", ParserNames.Auth },
        { "sample-logs/linux/syslog/debian-syslog.log", ParserNames.Syslog },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void ContentNotTheFileNameDecides(string sample, string expected)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, sample));
        var detected = ParserCatalog.Detector().Detect(FormatDetector.Sample(EvidenceSource.FromBytes("evidence/processes.txt", bytes, DateTimeOffset.UnixEpoch)));

        Assert.NotNull(detected);
        var family = detected.Value.Parser.Name;
        Assert.True(family == expected || (expected == ParserNames.Auth && family == ParserNames.Syslog), $"{sample} was read by {family}");
    }

    [Fact]
    public void AProcessListIsNotSyslogAndSyslogIsNotAProcessList()
    {
        var ps = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(RepoPaths.Root, "sample-logs/live/ps/ps_auxwww.txt")));
        var syslog = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(RepoPaths.Root, "sample-logs/linux/syslog/debian-syslog.log")));
        var psSample = FormatDetector.Sample(EvidenceSource.FromBytes("x", ps, DateTimeOffset.UnixEpoch));
        var syslogSample = FormatDetector.Sample(EvidenceSource.FromBytes("x", syslog, DateTimeOffset.UnixEpoch));

        Assert.Equal(0, ParserHarness.Parser(ParserNames.Syslog).Sniff(psSample));
        foreach (var live in ParserCatalog.Default.All.Where(p => p.Name.StartsWith("live/", StringComparison.Ordinal)))
            Assert.Equal(0, live.Sniff(syslogSample));
    }
}
