using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

/// <summary>
/// A host keeps several journal files (system.journal, user-1000.journal, rotated system@….journal):
/// ingested together, their events form one stream ordered by time, as <c>journalctl</c> interleaves
/// them. The user journal's miner lines fall between the system journal's sudo and cron entries.
/// </summary>
public sealed class JournaldBinaryMergeTests
{
    [Fact]
    public void SystemAndUserJournalsInterleaveByTimeInTheCase()
    {
        var folder = Path.Combine(RepoPaths.SampleLogs, "linux/journald/binary");
        var system = Path.Combine(folder, "web04-system.journal");
        var user = Path.Combine(folder, "web04-user-1000.journal");
        var casePath = Path.Combine(Some.TempDir(), "case.db");
        using var store = CaseStores.OpenForWrite(casePath);
        IngestStep.Run(store, [system, user], new IngestOptions());
        var events = store.Events().ToList();

        Assert.Equal(23 + 4, events.Count);
        Assert.Equal(events.OrderBy(e => e.Ticks).Select(e => e.Id), events.Select(e => e.Id));
        var files = events.Select(e => Path.GetFileName(e.Origin.File)).ToList();
        // sudo (system) → the user manager and the first miner line (user) → the miner service (system) → … → cron (system).
        var runs = files.Zip(files.Skip(1)).Count(p => p.First != p.Second);
        Assert.True(runs >= 4, $"the two files do not interleave: {string.Join(", ", files)}");
        var sudo = events.FindIndex(e => e.Message.Contains("COMMAND=/usr/bin/bash", StringComparison.Ordinal));
        var userMiner = events.FindIndex(e => e.Message.StartsWith("kthreadd[3188]: ", StringComparison.Ordinal) || e.Message.StartsWith("kthreadd: ", StringComparison.Ordinal));
        var cron = events.FindIndex(e => e.Message.Contains("CMD (/var/tmp/.x/upd", StringComparison.Ordinal));
        Assert.True(sudo >= 0 && sudo < userMiner && userMiner < cron, $"sudo {sudo}, user miner {userMiner}, cron {cron}");
        Assert.All(events, e => Assert.Equal("web04", e.Host));
    }
}
