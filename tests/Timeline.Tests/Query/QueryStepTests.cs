using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Query.Steps;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Query;

/// <summary>
/// <see cref="QueryStep"/>, the one call behind <c>timeline query</c> and <c>serve</c>'s search, on
/// the scenario case: each workflow answers with its result shape and the figures grep gives.
/// </summary>
public sealed class QueryStepTests
{
    private static ICaseStore Open() => CaseStores.OpenForRead(ScenarioCase.Path);

    private static ICaseStore OpenCopy()
    {
        var copy = Path.Combine(Some.TempDir(), "c.db");
        File.Copy(ScenarioCase.Path, copy);
        return CaseStores.OpenForWrite(copy);
    }

    [Fact]
    public void AListingReturnsTheMatchingEventsInTimelineOrderPagedAndNewestFirstReversed()
    {
        using var store = Open();
        var all = Assert.IsType<QueryEvents>(QueryStep.Run(store, new QueryRequest { Text = "event:ssh_accepted" })).Events.ToList();
        Assert.Equal(3, all.Count);
        Assert.Equal(all.OrderBy(e => e.SortTicks).Select(e => e.Id), all.Select(e => e.Id));
        var page = QueryStep.ListEvents(store, new QueryRequest { Text = "event:ssh_accepted", Offset = 1, Limit = 1 }).Events.ToList();
        Assert.Equal(all[1].Id, Assert.Single(page).Id);
        var newest = QueryStep.ListEvents(store, new QueryRequest { Text = "event:ssh_accepted", NewestFirst = true }).Events.Select(e => e.Id);
        Assert.Equal(all.Select(e => e.Id).Reverse(), newest);
    }

    [Fact]
    public void ListedEventsCarryTheirFindings()
    {
        using var store = Open();
        var result = QueryStep.ListEvents(store, new QueryRequest { Text = "rule:rule-brute-success" });
        var e = Assert.Single(result.Events.ToList());
        Assert.Equal(ScenarioCase.AcceptedRoot, e.Id);
        Assert.Equal("rule-brute-success", Assert.Single(result.Findings.RulesOf(e.Id)).RuleId);
        Assert.Equal("entry", result.Findings.PhaseNameOf(e.Id));
    }

    [Fact]
    public void CountByStacksValuesAndCutsToTop()
    {
        using var store = Open();
        var all = Assert.IsType<QueryCounts>(QueryStep.Run(store, new QueryRequest { Text = "event:ssh_accepted", CountBy = "src_ip" }));
        Assert.Equal("src_ip", all.Field);
        Assert.Equal(all.Values, all.Rows.Count);
        Assert.Equal(3, all.Rows.Sum(r => r.Count));
        Assert.False(all.FromAggregate);
        Assert.NotNull(all.Scan);
        var top = Assert.IsType<QueryCounts>(QueryStep.Run(store, new QueryRequest { Text = "event:ssh_accepted", CountBy = "src_ip", Top = 1 }));
        Assert.Equal(all.Rows[0], Assert.Single(top.Rows));
        Assert.Equal(all.Values, top.Values);
        var rare = Assert.IsType<QueryCounts>(QueryStep.Run(store, new QueryRequest { Text = "event:ssh_accepted", CountBy = "src_ip", Rare = true }));
        Assert.True(rare.Rows[0].Count <= rare.Rows[^1].Count);
        var aggregate = Assert.IsType<QueryCounts>(QueryStep.Run(store, new QueryRequest { CountBy = "host" }));
        Assert.True(aggregate.FromAggregate);
        Assert.Null(aggregate.Scan);
    }

    [Fact]
    public void AroundNarrowsTheWindowToTheAnchorAndAnUnknownIdIsARequestError()
    {
        using var store = Open();
        var result = QueryStep.ListEvents(store, new QueryRequest { Around = ScenarioCase.AcceptedRoot, AroundSpan = TimeSpan.FromSeconds(5) });
        Assert.Equal(ScenarioCase.AcceptedRoot, result.Anchor?.Id);
        var events = result.Events.ToList();
        Assert.Contains(events, e => e.Id == ScenarioCase.AcceptedRoot);
        Assert.All(events, e => Assert.InRange(e.SortTicks!.Value, result.Anchor!.SortTicks!.Value - TimeSpan.TicksPerSecond * 5, result.Anchor.SortTicks.Value + TimeSpan.TicksPerSecond * 5));
        var ex = Assert.Throws<QueryRequestException>(() => QueryStep.Run(store, new QueryRequest { Around = "000000000000-1" }));
        Assert.Contains("no event with id", ex.Message);
    }

    [Fact]
    public void FirstAndLastOfGiveOneEventPerValue()
    {
        using var store = Open();
        var first = QueryStep.ListEvents(store, new QueryRequest { Text = "event:ssh_failed", FirstOf = "src_ip" }).Events.ToList();
        var last = QueryStep.ListEvents(store, new QueryRequest { Text = "event:ssh_failed", LastOf = "src_ip" }).Events.ToList();
        Assert.Equal(first.Count, first.Select(e => e.Fields.Get("src_ip")).Distinct().Count());
        Assert.Equal(first.Select(e => e.Fields.Get("src_ip")).Order(), last.Select(e => e.Fields.Get("src_ip")).Order());
        var lastByIp = last.ToDictionary(e => e.Fields.Get("src_ip")!);
        Assert.All(first, f => Assert.True(f.SortTicks <= lastByIp[f.Fields.Get("src_ip")!].SortTicks));
        Assert.Contains(first, f => f.SortTicks < lastByIp[f.Fields.Get("src_ip")!].SortTicks);
    }

    [Fact]
    public void ExplainCountsWhatTheRunDecodedAndListed()
    {
        using var store = Open();
        var x = Assert.IsType<QueryExplanation>(QueryStep.Run(store, new QueryRequest { Text = "event:ssh_accepted", Explain = true }));
        Assert.Equal(3, x.Listed);
        Assert.InRange(x.BlocksDecoded, 1, x.BlocksChosen);
        Assert.InRange(x.BlocksChosen, 1, x.TotalBlocks);
        Assert.True(x.EventsRead >= 3);
        Assert.Equal("event:ssh_accepted", x.Text);
    }

    [Fact]
    public void SaveStoresTheQueryAndRunSavedAndsItWithTheText()
    {
        using var store = OpenCopy();
        var saved = QueryStep.Run(store, new QueryRequest { Text = "event:ssh_accepted", SaveAs = "logins", ListSaved = true });
        Assert.Equal("logins", saved.Saved?.Name);
        Assert.Equal("event:ssh_accepted", Assert.Single(Assert.IsType<SavedQueryList>(saved).Queries).Text);
        var root = QueryStep.ListEvents(store, new QueryRequest { RunSaved = "logins", Text = "user:root" }).Events.ToList();
        Assert.Contains(root, e => e.Id == ScenarioCase.AcceptedRoot);
        Assert.DoesNotContain(root, e => e.Id == ScenarioCase.AcceptedDeploy);
        Assert.All(root, e => Assert.Equal("root", e.Fields.Get("user")));
        Assert.Equal("(event:ssh_accepted) AND (user:root)", QueryStep.ListEvents(store, new QueryRequest { RunSaved = "logins", Text = "user:root" }).Text);
        var ex = Assert.Throws<QueryRequestException>(() => QueryStep.Run(store, new QueryRequest { RunSaved = "login" }));
        Assert.Contains("did you mean logins", ex.Message);
    }

    [Fact]
    public void SavingNeedsAWritableCase()
    {
        using var store = Open();
        Assert.Throws<InvalidOperationException>(() => QueryStep.Run(store, new QueryRequest { Text = "x", SaveAs = "n" }));
    }
}
