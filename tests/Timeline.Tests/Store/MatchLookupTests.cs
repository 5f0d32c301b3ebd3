using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Store;

/// <summary>
/// Matches are looked up, never loaded whole: resident (few matches) and batched (many) lookups
/// must answer the same, through <see cref="MatchLookup.Join"/> and one event at a time.
/// </summary>
public sealed class MatchLookupTests
{
    private static string BuildCase(int events, Func<int, bool> matched)
    {
        var dir = Some.TempDir();
        var lines = Enumerable.Range(0, events).Select(i => $"{1700000000 + i} h{i % 3} u{i % 7} n{i}");
        File.WriteAllText(Path.Combine(dir, "ev.log"), "T:\n" + string.Join("\n", lines) + "\n");
        var casePath = Path.Combine(dir, "case.db");
        using var store = CaseStores.OpenForWrite(casePath);
        IngestStep.Run(store, [Path.Combine(dir, "ev.log")], new IngestOptions(), new FormatDetector([new LinesTestParser()]));
        var all = store.Events().ToList();
        store.Matches.Replace(all.Where((_, i) => matched(i)).SelectMany((e, i) => i % 2 == 0
            ? new[] { Match(e.Id, "r1"), Match(e.Id, "r2") }
            : [Match(e.Id, "r1")]));
        return casePath;
    }

    private static RuleMatch Match(string eventId, string rule) => new(eventId, rule, "title " + rule, "high", ["attack.t1110"], "test");

    [Fact]
    public void ResidentAndBatchedLookupsAgreeOverAJoinedStream()
    {
        var casePath = BuildCase(3000, i => i % 3 == 0);
        using var store = CaseStores.OpenForRead(casePath);
        var resident = new MatchLookup(store.Matches);
        var batched = new MatchLookup(store.Matches, residentLimit: 0);
        var seen = 0;
        foreach (var e in batched.Join(store.Events()))
        {
            var a = resident.Of(e.Id).Select(m => m.RuleId).Order(StringComparer.Ordinal).ToList();
            var b = batched.Of(e.Id).Select(m => m.RuleId).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(a, b);
            seen += b.Count;
        }
        Assert.Equal(store.Matches.Count(), seen);
        Assert.True(seen > 1000, "the case must hold matches for the comparison to mean anything");
    }

    [Fact]
    public void ABatchedLookupAnswersAnEventOutsideTheJoinedBatch()
    {
        var casePath = BuildCase(10, i => i == 4);
        using var store = CaseStores.OpenForRead(casePath);
        var matched = store.Matches.Read().First().EventId;
        var batched = new MatchLookup(store.Matches, residentLimit: 0);
        Assert.Equal(["r1", "r2"], batched.Of(matched).Select(m => m.RuleId).Order(StringComparer.Ordinal));
        Assert.Empty(batched.Of(store.Events().First(e => e.Id != matched).Id));
    }

    [Fact]
    public void ACaseWithoutMatchesIsEmpty()
    {
        var casePath = BuildCase(5, _ => false);
        using var store = CaseStores.OpenForRead(casePath);
        var lookup = new MatchLookup(store.Matches);
        Assert.True(lookup.IsEmpty);
        Assert.All(store.Events(), e => Assert.Empty(lookup.Of(e.Id)));
    }

    [Fact]
    public void ForEventsFetchesOnlyTheNamedEventsInBatches()
    {
        var casePath = BuildCase(2500, i => i % 2 == 0);
        using var store = CaseStores.OpenForRead(casePath);
        var ids = store.Events().Select(e => e.Id).ToList();
        var some = MatchLookup.ForEvents(store.Matches, ids);
        Assert.Equal(store.Matches.Read().Select(m => m.EventId).Distinct().Count(), some.Count);
        var one = MatchLookup.ForEvents(store.Matches, [ids[0], ids[1]]);
        Assert.Equal(1, one.Count);
    }

    [Fact]
    public void AFirstHuntWithHundredsOfThousandsOfMatchesIsStored()
    {
        // Building the match indexes after 100,000 inserts in one transaction tripped LiteDB's loop
        // detection ("Detected loop in FindAll"); the store now creates them before inserting.
        var casePath = BuildCase(100_000, _ => false);
        using (var store = CaseStores.OpenForWrite(casePath))
            store.Matches.Replace(store.Events().Select(e => Match(e.Id, "r1")));
        using var reader = CaseStores.OpenForRead(casePath);
        Assert.Equal(100_000, reader.Matches.Count());
        var last = reader.Events(new EventSelection { Descending = true }).First();
        Assert.Equal("r1", Assert.Single(reader.Matches.OfEvents([last.Id])).RuleId);
    }
}
