using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Store;

/// <summary>A selection by host, parser or file gives exactly the events a filter over all events gives, in the same order.</summary>
public sealed class EventSelectionTests
{
    private static string BuildCase()
    {
        var dir = Some.TempDir();
        for (var f = 0; f < 3; f++)
        {
            var lines = Enumerable.Range(0, 2500).Select(i => $"{1700000000 + (i * 7 + f) % 2500} h{(i + f) % 4} u{i % 5} f{f}n{i}");
            File.WriteAllText(Path.Combine(dir, $"ev{f}.log"), "T:\n" + string.Join("\n", lines) + "\n");
        }
        var casePath = Path.Combine(dir, "case.db");
        using var store = CaseStores.OpenForWrite(casePath);
        IngestStep.Run(store, [dir], new IngestOptions(), new FormatDetector([new LinesTestParser()]));
        return casePath;
    }

    private static readonly Lazy<string> Case = new(BuildCase);

    [Fact]
    public void HostParserAndFileSelectionsMatchAFilter()
    {
        using var store = CaseStores.OpenForRead(Case.Value);
        var all = store.Events().ToList();
        var file = store.Files().First().Sha256;
        var selections = new (EventSelection Selection, Func<Timeline.Core.Events.EventRecord, bool> Filter)[]
        {
            (new EventSelection { Hosts = new HashSet<string> { "h1", "h3" } }, e => e.Host is "h1" or "h3"),
            (new EventSelection { Parsers = new HashSet<string> { "test/lines" } }, _ => true),
            (new EventSelection { Parsers = new HashSet<string> { "linux/auth" } }, _ => false),
            (new EventSelection { Files = new HashSet<string> { file } }, e => e.Origin.Sha256 == file),
            (new EventSelection { Hosts = new HashSet<string> { "h0" }, Files = new HashSet<string> { file } }, e => e.Host == "h0" && e.Origin.Sha256 == file),
        };
        foreach (var (selection, filter) in selections)
            Assert.Equal(all.Where(filter).Select(e => e.Id), store.Events(selection).Select(e => e.Id));
        Assert.Contains(all, e => e.Host == "h1");
    }

    [Fact]
    public void DescendingIsTheReverseOrder()
    {
        using var store = CaseStores.OpenForRead(Case.Value);
        var forward = store.Events().Select(e => e.SortTicks).ToList();
        var backward = store.Events(new EventSelection { Descending = true }).Select(e => e.SortTicks).ToList();
        forward.Reverse();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void ALocationWithASchemeIsNotAFileCase() =>
        Assert.Throws<CaseFormatException>(() => CaseStores.OpenForRead("clickhouse://cluster/case"));
}
