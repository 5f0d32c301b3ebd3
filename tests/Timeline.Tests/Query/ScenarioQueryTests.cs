using Timeline.Core.Store;
using Timeline.Query.Execution;
using Timeline.Tests.Support;
using Timeline.Pipeline;
using Xunit;

namespace Timeline.Tests.Query;

/// <summary>Query results on the bundled incident; every expected count was checked against the evidence with grep.</summary>
public sealed class ScenarioQueryTests
{
    public static TheoryData<string, int> Counts => new()
    {
        { "", 203 },
        { "kswapd0", 12 },                                              // 3 history lines, 8 syslog lines, 1 crontab line
        { "\"Failed password\"", 35 },
        { "\"failed PASSWORD\"", 35 },
        { "src_ip:203.0.113.45", 119 },
        { "src_ip:\"203.0.113.45\"", 119 },
        { "src_ip:203.0.113.*", 119 },
        { "src_ip:203.0.113.* -\"Failed password\"", 84 },
        { "src_ip:203.0.113.* AND NOT \"Failed password\"", 84 },
        { "event:ssh_accepted", 3 },
        { "event:ssh_accepted AND NOT user:deploy", 2 },
        { "event:ssh_accepted AND (user:deploy OR src_ip:203.0.113.45)", 2 },
        { "user:root AND src_ip:203.0.113.45", 70 },
        { "parser:linux/cron OR parser:linux/crontab", 14 },
        { "parser:\"linux/cron\"", 12 },
        { "message:/kswapd[0-9]/", 12 },
        { "/KSWAPD\\d/", 12 },
        { "pid:>4000", 5 },
        { "file:syslog", 16 },
        { "file:auth.log AND event:ssh_accepted", 3 },
        { "command:*", 28 },
        { "host:web01", 203 },
        { "host:db01", 0 },
        // 5 auth.log lines at 03:15, 3 history commands stamped 03:15:40..51 and the 2 unstamped ones placed there.
        { "time:[2024-03-02T03:15 TO 2024-03-02T03:16}", 10 },
        { "time:2024-03-02T03:15", 10 },
        { "time:[2024-03-02T03:15 TO 2024-03-02T03:15]", 10 },
        { "event:ssh_accepted AND time:<2024-03-02T03:00", 1 },
        { "event:ssh_accepted AND time:>=2024-03-02T03:15:02.4819130Z", 2 },
        { "event:ssh_accepted AND time:>2024-03-02T03:15:02.4819130Z", 1 },
        // Findings: two hand-made matches and a two-step chain (ScenarioCase).
        { "rule:rule-brute-success", 1 },
        { "rule:\"Miner started by cron\"", 1 },
        { "level:critical OR level:high", 2 },
        { "tag:t1110", 1 },
        { "tag:attack.t1496", 1 },
        { "tag:attack.*", 2 },
        { "phase:entry", 1 },
        { "phase:mining AND parser:linux/cron", 1 },
        { "phase:*", 2 },
        { "NOT phase:*", 201 },
        { $"id:{ScenarioCase.AcceptedRoot}", 1 },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void QueriesFindTheHandCheckedEvents(string query, int expected)
    {
        using var store = CaseStores.OpenForRead(ScenarioCase.Path);
        Assert.Equal(expected, CompiledQuery.Compile(store, query).Run().Events().Count());
    }

    [Fact]
    public void ResultsComeInTimelineOrderAndReversed()
    {
        using var store = CaseStores.OpenForRead(ScenarioCase.Path);
        var query = CompiledQuery.Compile(store, "event:ssh_accepted");
        var ids = query.Run().Events().Select(e => e.Id).ToList();
        Assert.Equal([ScenarioCase.AcceptedDeploy, ScenarioCase.AcceptedRoot, "98e642b88774-161"], ids);
        Assert.Equal(Enumerable.Reverse(ids), query.Run(descending: true).Events().Select(e => e.Id));
        var all = CompiledQuery.Compile(store, "").Run(descending: true).Events().Select(e => e.SortTicks ?? long.MinValue).ToList();
        Assert.Equal(all.OrderDescending(), all);
    }

    [Fact]
    public void IndexBackedQueriesDecodeFewerBlocksThanTheCaseHolds()
    {
        using var store = CaseStores.OpenForRead(ScenarioCase.Path);
        foreach (var text in new[] { "parser:linux/cron", "file:syslog", "rule:rule-brute-success", "phase:mining", $"id:{ScenarioCase.AcceptedRoot}", "time:[2024-03-02T05:00 TO 2024-03-02T06:00]" })
        {
            var query = CompiledQuery.Compile(store, text);
            var run = query.Run();
            Assert.NotEmpty(run.Events().ToList());
            Assert.True(query.Plan.UsesIndex, text);
            Assert.True(run.BlocksDecoded < query.Plan.TotalBlocks, $"{text}: decoded {run.BlocksDecoded} of {query.Plan.TotalBlocks}");
        }
        var scan = CompiledQuery.Compile(store, "kswapd0");
        var scanRun = scan.Run();
        _ = scanRun.Events().ToList();
        Assert.False(scan.Plan.UsesIndex);
        Assert.Equal(scan.Plan.TotalBlocks, scanRun.BlocksDecoded);
    }

    [Fact]
    public void OrWithAnUnindexedSideScansAndNotNeverPrunes()
    {
        using var store = CaseStores.OpenForRead(ScenarioCase.Path);
        var or = CompiledQuery.Compile(store, "parser:linux/cron OR kswapd0");
        Assert.Equal(or.Plan.TotalBlocks, or.Plan.Blocks.Count);
        var not = CompiledQuery.Compile(store, "NOT parser:linux/cron");
        Assert.Equal(not.Plan.TotalBlocks, not.Plan.Blocks.Count);
        Assert.Equal(203 - 12, not.Run().Events().Count());
    }

    [Fact]
    public void CountByAnswersFromAggregatesForTheEmptyQueryAndScansOtherwise()
    {
        using var store = CaseStores.OpenForRead(ScenarioCase.Path);
        var all = CompiledQuery.Compile(store, "");
        var field = all.ResolveField("src_ip");
        Assert.True(Stacking.UsesAggregate(all, field));
        var counts = Stacking.CountBy(all, field, out var none);
        Assert.Null(none);
        Assert.Equal(119, counts.Single(c => c.Value == "203.0.113.45").Count);

        var filtered = CompiledQuery.Compile(store, "\"Failed password\"");
        var scanned = Stacking.CountBy(filtered, field, out var run);
        Assert.NotNull(run);
        Assert.Equal(35, Assert.Single(scanned).Count);
        Assert.Equal("203.0.113.45", scanned[0].Value);

        var users = Stacking.Order(Stacking.CountBy(filtered, filtered.ResolveField("user"), out _), rarest: false).ToList();
        Assert.Equal(35, users.Sum(u => u.Count));
        Assert.True(users.SequenceEqual(users.OrderByDescending(u => u.Count).ThenBy(u => u.Value, StringComparer.Ordinal)));
    }

    [Fact]
    public void FirstAndLastPerValueGiveOneEventPerValue()
    {
        using var store = CaseStores.OpenForRead(ScenarioCase.Path);
        var query = CompiledQuery.Compile(store, "event:ssh_accepted");
        var field = query.ResolveField("user");
        var first = Stacking.FirstPerValue(query, field, last: false, out _);
        Assert.Equal([ScenarioCase.AcceptedDeploy, ScenarioCase.AcceptedRoot], first.Select(e => e.Id));
        var last = Stacking.FirstPerValue(query, field, last: true, out _);
        Assert.Equal([ScenarioCase.AcceptedDeploy, "98e642b88774-161"], last.Select(e => e.Id));
    }

    [Fact]
    public void AroundAnEventIsAWindowOnBothSides()
    {
        using var store = CaseStores.OpenForRead(ScenarioCase.Path);
        var anchor = EventLookup.Find(store, ScenarioCase.AcceptedRoot);
        Assert.NotNull(anchor);
        Assert.Contains("Accepted password for root", anchor.Message);
        var events = CompiledQuery.Compile(store, "", EventLookup.Around(anchor, TimeSpan.FromMinutes(1))).Run().Events().ToList();
        Assert.Contains(events, e => e.Id == anchor.Id);
        Assert.All(events, e => Assert.InRange(e.SortTicks!.Value, anchor.Ticks!.Value - TimeSpan.TicksPerMinute, anchor.Ticks.Value + TimeSpan.TicksPerMinute));
        Assert.Null(EventLookup.Find(store, "000000000000-1"));
    }

    [Fact]
    public void SavedQueriesAreKeptPerCase()
    {
        var casePath = Path.Combine(Some.TempDir(), "saved.db");
        File.Copy(ScenarioCase.Path, casePath);
        using (var store = CaseStores.OpenForWrite(casePath))
        {
            store.Queries.Save(new SavedQuery("brute", "\"Failed password\"", 1));
            store.Queries.Save(new SavedQuery("brute", "event:ssh_failed", 2));
        }
        using var read = CaseStores.OpenForRead(casePath);
        var saved = Assert.Single(read.Queries.All());
        Assert.Equal("event:ssh_failed", saved.Text);
        Assert.Null(read.Queries.Find("other"));
        Assert.Throws<InvalidOperationException>(() => read.Queries.Save(new SavedQuery("x", "y", 3)));
    }
}
