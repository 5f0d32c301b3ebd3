using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Query.Execution;
using Timeline.Tests.Support;
using Timeline.Pipeline;
using Xunit;

namespace Timeline.Tests.Query;

/// <summary>Index pruning on a case with several hosts and files, each file spanning several blocks.</summary>
public sealed class BlockPruningTests
{
    private const long Start = 1_700_000_000;

    private static readonly Lazy<string> Built = new(() =>
    {
        var dir = Some.TempDir();
        foreach (var (host, offset) in new[] { ("web01", 0), ("web02", 1), ("db01", 2) })
        {
            var lines = Enumerable.Range(0, 2500).Select(i => $"{Start + i * 3 + offset} {host} {(i % 100 == 0 ? "mallory" : "alice")} line {i}");
            File.WriteAllText(Path.Combine(dir, host + ".log"), "T:\n" + string.Join("\n", lines) + "\n");
        }
        var casePath = Path.Combine(dir, "hosts.db");
        using var store = CaseStores.OpenForWrite(casePath);
        IngestStep.Run(store, [dir], new IngestOptions(), new FormatDetector([new LinesTestParser()]));
        return casePath;
    });

    public static TheoryData<string, int, int> Pruned => new()
    {
        // query, matching events, blocks the plan may choose at most (3 files × 3 blocks = 9 in all)
        { "host:web02", 2500, 3 },
        { "host:web0*", 5000, 6 },
        { "host:web02 OR host:db01", 5000, 6 },
        { "host:web02 AND user:mallory", 25, 3 },
        { "file:db01.log", 2500, 3 },
        { "host:db01 AND time:[2023-11-14T22:13:20Z TO 2023-11-14T22:30:00Z}", 333, 1 },   // db01 lines at +2 s, +5 s, …, +998 s
    };

    [Theory]
    [MemberData(nameof(Pruned))]
    public void IndexedTermsChooseOnlyTheBlocksThatCanMatch(string text, int expected, int maxBlocks)
    {
        using var store = CaseStores.OpenForRead(Built.Value);
        var query = CompiledQuery.Compile(store, text);
        var run = query.Run();
        Assert.Equal(expected, run.Events().Count());
        Assert.Equal(9, query.Plan.TotalBlocks);
        Assert.InRange(query.Plan.Blocks.Count, 1, maxBlocks);
        Assert.True(run.BlocksDecoded <= maxBlocks, $"{text}: decoded {run.BlocksDecoded}");
    }

    [Fact]
    public void AFirstPageDecodesOnlyTheBlocksItReaches()
    {
        using var store = CaseStores.OpenForRead(Built.Value);
        var run = CompiledQuery.Compile(store, "").Run();
        Assert.Equal(10, run.Events().Take(10).Count());
        Assert.Equal(3, run.BlocksDecoded);
        var newest = CompiledQuery.Compile(store, "host:web01").Run(descending: true);
        var last = newest.Events().First();
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Start + 2499 * 3).UtcTicks, last.Ticks);
        Assert.Equal(1, newest.BlocksDecoded);
    }

    [Fact]
    public void TheStringTableAtTheHeadOfABlockListsItsHostsParsersAndFieldKeys()
    {
        var data = EventBlockCodec.Encode([Some.Event(host: "h1", fields: ("user", "bob")), Some.Event(position: 2, host: "h2", fields: ("src_ip", "1.2.3.4"))]);
        var table = BlockStringTable.Read(data);
        Assert.Equal(["h1", "test/lines", "user", "h2", "src_ip"], table);
        using var store = CaseStores.OpenForRead(Built.Value);
        Assert.Equal(["event", "user"], store.Blocks.FieldNames().Order(StringComparer.Ordinal));
    }
}
