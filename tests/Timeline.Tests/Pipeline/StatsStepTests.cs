using System.Security.Cryptography;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Pipeline;

/// <summary>
/// <see cref="StatsStep"/>: the summary <c>timeline stats</c> renders agrees with the events and
/// files of the case it summarises (counted here the slow way, by reading every event).
/// </summary>
public sealed class StatsStepTests
{
    [Fact]
    public void TheSummaryAgreesWithTheEventsAndFilesOfTheCase()
    {
        var casePath = Path.Combine(Some.TempDir(), "c.db");
        var scenario = Path.Combine(RepoPaths.SampleLogs, "scenarios", "ssh-bruteforce-cron-xmrig");
        using (var write = CaseStores.OpenForWrite(casePath)) IngestStep.Run(write, [scenario], new IngestOptions());
        using var store = CaseStores.OpenForRead(casePath);
        var s = StatsStep.Run(store, warningLimit: 1000);
        var events = store.Events().ToList();

        Assert.Equal(store.Location, s.Location);
        Assert.Equal(events.Count, s.Events);
        Assert.Equal(events.GroupBy(e => e.Parser).ToDictionary(g => g.Key, g => (long)g.Count()), s.ByParser.ToDictionary());
        Assert.Equal(events.GroupBy(e => e.Host).ToDictionary(g => g.Key, g => (long)g.Count()), s.ByHost.ToDictionary());
        Assert.Equal(s.ByParser.Select(p => p.Value).OrderDescending(), s.ByParser.Select(p => p.Value));
        Assert.Equal(events.Where(e => e.Ticks.HasValue).Min(e => e.Ticks), s.First);
        Assert.Equal(events.Where(e => e.Ticks.HasValue).Max(e => e.Ticks), s.Last);
        var onDisk = Directory.GetFiles(scenario, "*", SearchOption.AllDirectories);
        Assert.Equal(onDisk.Length, s.Files.Count);
        foreach (var path in onDisk)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            Assert.Contains(s.Files, f => f.Sha256 == hash);
        }
        Assert.Equal(s.Files.Where(f => f.State == EvidenceState.Complete).Sum(f => f.Events), s.Events);
        Assert.Equal(store.Warnings().Count(), s.WarningList.Count);
    }

    [Fact]
    public void TheWarningListStopsAtTheLimit()
    {
        var dir = Some.TempDir();
        var log = Path.Combine(dir, "auth.log");
        File.WriteAllText(log, "Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 1 ssh2\n"
            + string.Concat(Enumerable.Range(0, 5).Select(i => $"Mar  2 03:15:0{i} web01 sshd[1]: Accepted password for root from 203.0.113.45 port 1 ssh2\n\0\0garbage line {i}\u0001\n")));
        var casePath = Path.Combine(dir, "c.db");
        using (var write = CaseStores.OpenForWrite(casePath)) IngestStep.Run(write, [log], new IngestOptions());
        using var store = CaseStores.OpenForRead(casePath);
        var all = StatsStep.Run(store, int.MaxValue);
        Assert.True(all.WarningList.Count >= 2, "the planted damage should give warnings");
        Assert.Equal(all.WarningList.Take(1), StatsStep.Run(store, 1).WarningList);
    }
}
