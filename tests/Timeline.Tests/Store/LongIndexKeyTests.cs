using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Core.Limits;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Store;

/// <summary>Issue 11 item 2: a value over LiteDB's index key limit must not deny the ingest.</summary>
public sealed class LongIndexKeyTests
{
    private static readonly FormatDetector Detector = new([new LinesTestParser()]);

    [Fact]
    public void AHostOverTheIndexKeyLimitIsStoredWholeAndFoundByHost()
    {
        var dir = Some.TempDir();
        var longHost = new string('h', 3 * Bounds.IndexKeyBytes) + "-end";
        // Two hosts sharing the same long prefix must stay apart after their keys are bounded.
        var twin = new string('h', 3 * Bounds.IndexKeyBytes) + "-twin";
        Directory.CreateDirectory(Path.Combine(dir, "ev"));
        File.WriteAllText(Path.Combine(dir, "ev", "a.log"), $"T:\n1700000000 {longHost} root one\n1700000001 {twin} root two\n");
        File.WriteAllText(Path.Combine(dir, "ev", "b.log"), "T:\n1700000002 web01 root three\n");
        var casePath = Path.Combine(dir, "case.db");
        IngestReport report;
        using (var store = CaseStores.OpenForWrite(casePath))
            report = IngestStep.Run(store, [Path.Combine(dir, "ev")], new IngestOptions(), Detector);
        Assert.Equal(2, report.Count(FileStatus.Ingested));
        Assert.Equal(3, report.Events);
        using var read = CaseStores.OpenForRead(casePath);
        var found = read.Events(new EventSelection { Hosts = new HashSet<string>([longHost]) }).ToList();
        Assert.Equal([longHost], found.Select(e => e.Host));
        var lookup = read.Blocks.WithHost([longHost]);
        Assert.Single(lookup.Ids);
        Assert.Contains(longHost, read.Blocks.WithIds(lookup.Ids).Single().Hosts);
        Assert.Empty(read.Blocks.WithHost([new string('h', 3 * Bounds.IndexKeyBytes) + "-other"]).Ids);
        Assert.Contains(longHost, read.Blocks.DistinctHosts());
    }

    [Fact]
    public void ARuleIdOverTheIndexKeyLimitIsStoredWholeAndReadBack()
    {
        // An untrusted rule chooses its own id: a 10 kB id must not fail the hunt's write.
        var casePath = Path.Combine(Some.TempDir(), "case.db");
        var longId = new string('r', 10 * Bounds.IndexKeyBytes) + "-end";
        var matches = new[]
        {
            new RuleMatch("ev-1", longId, "long id", "high", ["attack.t1496"], "x"),
            new RuleMatch("ev-2", "short-id", "short id", "low", [], "y"),
            new RuleMatch("ev-3", longId[..^4] + "-twin", "twin", "medium", [], "z"),
        };
        using (var store = CaseStores.OpenForWrite(casePath))
            store.Matches.Replace(matches);
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Equal(matches, read.Matches.Read().ToList(), RuleMatchEquality.Instance);
        Assert.Equal(longId, read.Matches.OfEvents(["ev-1"]).Single().RuleId);
        Assert.Equal(3, read.Matches.Count());
    }

    private sealed class RuleMatchEquality : IEqualityComparer<RuleMatch>
    {
        public static readonly RuleMatchEquality Instance = new();
        public bool Equals(RuleMatch? a, RuleMatch? b) => a is not null && b is not null && a.EventId == b.EventId && a.RuleId == b.RuleId && a.Title == b.Title && a.Level == b.Level && a.Tags.SequenceEqual(b.Tags) && a.Author == b.Author;
        public int GetHashCode(RuleMatch m) => m.EventId.GetHashCode(StringComparison.Ordinal);
    }
}
