using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Tests.Support;
using Timeline.Pipeline;
using Xunit;

namespace Timeline.Tests.Store;

public sealed class CaseStoreTests
{
    private static readonly FormatDetector Detector = new([new LinesTestParser()]);

    private static string WriteEvidence(string dir, string name, params string[] lines)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "T:\n" + string.Join("\n", lines) + "\n");
        return path;
    }

    private static IngestReport Ingest(string casePath, params string[] paths)
    {
        using var store = CaseStores.OpenForWrite(casePath);
        return IngestStep.Run(store, paths, new IngestOptions(), Detector);
    }

    [Fact]
    public void IngestedEventsComeBackInTimeOrderAcrossFiles()
    {
        var dir = Some.TempDir();
        WriteEvidence(dir, "ev/a.log", "1700000000 web01 root a1", "1700000020 web01 root a3");
        WriteEvidence(dir, "ev/b.log", "1700000010 web02 bob b2", "1700000030 web02 bob b4");
        var casePath = Path.Combine(dir, "case.db");
        var report = Ingest(casePath, Path.Combine(dir, "ev"));
        Assert.Equal(4, report.Events);
        using var store = CaseStores.OpenForRead(casePath);
        Assert.Equal(["a1", "b2", "a3", "b4"], store.Events().Select(e => e.Message.Split(' ')[3]));
        var window = store.Events(new TimeWindow(DateTimeOffset.FromUnixTimeSeconds(1700000010).UtcTicks, DateTimeOffset.FromUnixTimeSeconds(1700000030).UtcTicks)).ToList();
        Assert.Equal(["b2", "a3"], window.Select(e => e.Message.Split(' ')[3]));
    }

    /// <summary>
    /// Issue 15 item 4: the same bytes under two paths in ONE ingest were parsed twice (every event twice, the second
    /// path missing from the evidence table). One evidence file, both paths listed, events once; a later ingest of a
    /// third copy adds its path too.
    /// </summary>
    [Fact]
    public void IdenticalFilesInOneIngestAreOneEvidenceFileWithEveryPathListed()
    {
        var dir = Some.TempDir();
        var first = WriteEvidence(dir, "ev/a/secure", "1700000000 web01 root x", "1700000001 web01 root y");
        Directory.CreateDirectory(Path.Combine(dir, "ev", "b"));
        File.Copy(first, Path.Combine(dir, "ev", "b", "secure.1"));
        var casePath = Path.Combine(dir, "case.db");
        var report = Ingest(casePath, Path.Combine(dir, "ev"));
        Assert.Equal(2, report.Events);
        Assert.Equal(1, report.Count(FileStatus.Ingested));
        var duplicate = Assert.Single(report.Files, f => f.Status == FileStatus.AlreadyIngested);
        Assert.Contains("same bytes as", duplicate.Note);
        using (var store = CaseStores.OpenForRead(casePath))
        {
            var file = Assert.Single(store.Files());
            Assert.EndsWith("secure", file.Path);
            Assert.Equal([Path.Combine(dir, "ev", "b", "secure.1")], file.OtherPaths);
            Assert.Equal(2, store.Events().Count());
            Assert.Equal(2, store.Events().Select(e => e.Id).Distinct().Count());
        }
        var third = Path.Combine(dir, "copy.log");
        File.Copy(first, third);
        Ingest(casePath, third, first);
        using (var store = CaseStores.OpenForRead(casePath))
        {
            var file = Assert.Single(store.Files());
            Assert.Equal([Path.Combine(dir, "ev", "b", "secure.1"), third], file.OtherPaths);
            Assert.Equal(2, file.OtherPathCount);
            Assert.Equal(2, store.Events().Count());
        }
    }

    [Fact]
    public void ReIngestingTheSameEvidenceAddsNothing()
    {
        var dir = Some.TempDir();
        var file = WriteEvidence(dir, "ev/a.log", "1700000000 web01 root x", "1700000001 web01 root y");
        File.Copy(file, Path.Combine(dir, "copy.log"));
        var casePath = Path.Combine(dir, "case.db");
        Ingest(casePath, file);
        var again = Ingest(casePath, file, Path.Combine(dir, "copy.log"));
        Assert.Equal(0, again.Events);
        Assert.Equal(2, again.Count(FileStatus.AlreadyIngested));
        Assert.Contains(again.Files, f => f.Note.Contains("same bytes already in the case"));
        using var store = CaseStores.OpenForRead(casePath);
        Assert.Equal(2, store.Events().Count());
        Assert.Single(store.Files());
        Assert.Equal(2, store.AggregatesOf(AggregateDimensions.Host).Single().Count);
    }

    [Fact]
    public void ManyEventsSpanManyBlocksAndStayOrdered()
    {
        var dir = Some.TempDir();
        var lines = Enumerable.Range(0, 5000).Select(i => $"{1700000000 + (i * 7919 % 5000)} h{i % 3} u{i % 10} n{i}").ToArray();
        WriteEvidence(dir, "big.log", lines);
        var casePath = Path.Combine(dir, "case.db");
        Ingest(casePath, Path.Combine(dir, "big.log"));
        using var store = CaseStores.OpenForRead(casePath);
        var events = store.Events().ToList();
        Assert.Equal(5000, events.Count);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Ticks <= p.Second.Ticks), "events must come back sorted by time");
        Assert.Equal(5000, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(500, store.AggregatesOf(AggregateDimensions.User).Single(a => a.Value == "u3").Count);
        // 1700000000 .. 1700004999 s: 2023-11-14 22:13:20 → 23:36:39 UTC, two hours.
        var hours = store.AggregatesOf(AggregateDimensions.HourByParser).OrderBy(a => a.Value, StringComparer.Ordinal).ToList();
        Assert.Equal(5000, hours.Sum(h => h.Count));
        var first = new DateTime(2023, 11, 14, 22, 0, 0, DateTimeKind.Utc).Ticks;
        Assert.Equal([$"{first}|test/lines", $"{first + TimeSpan.TicksPerHour}|test/lines"], hours.Select(h => h.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).UtcTicks, hours[0].FirstTicks);
    }

    [Fact]
    public void AnInterruptedIngestIsHiddenAndRemovedByTheNextWriter()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
        {
            var ingest = store.BeginFile(new EvidenceFile { Sha256 = Some.Sha, Path = "x.log", Size = 1, ModifiedTicks = 0, Format = "test/lines", State = EvidenceState.Incomplete, IngestedTicks = 0 });
            for (var i = 1; i <= 3000; i++) ingest.Add(Some.Event(position: i));
            ingest.Dispose(); // never completed, as after a crash
        }
        using (var reader = CaseStores.OpenForRead(casePath))
        {
            Assert.Empty(reader.Events());
            Assert.Equal(EvidenceState.Incomplete, Assert.Single(reader.Files()).State);
        }
        using (var writer = CaseStores.OpenForWrite(casePath)) Assert.Empty(writer.Files());
    }

    [Fact]
    public void OnlyOneProcessMayWriteACaseAndReadersWaitForIt()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "case.db");
        using (CaseStores.OpenForWrite(casePath))
        {
            Assert.Throws<CaseBusyException>(() => CaseStores.OpenForWrite(casePath));
            Assert.Throws<CaseBusyException>(() => CaseStores.OpenForRead(casePath));
        }
        using var r1 = CaseStores.OpenForRead(casePath);
        using var r2 = CaseStores.OpenForRead(casePath);
        Assert.Throws<CaseBusyException>(() => CaseStores.OpenForWrite(casePath));
    }

    [Fact]
    public void AFileThatIsNotACaseIsRefusedClearly()
    {
        var dir = Some.TempDir();
        var notCase = Path.Combine(dir, "notes.txt");
        File.WriteAllText(notCase, "hello, this is not a database");
        var ex = Assert.Throws<CaseFormatException>(() => CaseStores.OpenForRead(notCase));
        Assert.Contains("not a readable Timeline case", ex.Message);
        Assert.Equal("hello, this is not a database", File.ReadAllText(notCase));
    }

    [Fact]
    public void UnrecognisedEmptyAndBinaryFilesAreRecordedWithAWarning()
    {
        var dir = Some.TempDir();
        File.WriteAllBytes(Path.Combine(dir, "empty.log"), []);
        File.WriteAllBytes(Path.Combine(dir, "junk.bin"), [0, 1, 2, 0xFF, 0, 7]);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "just some prose\n");
        var casePath = Path.Combine(dir, "case.db");
        var report = Ingest(casePath, dir);
        Assert.Equal(3, report.Count(FileStatus.Unrecognized));
        Assert.Contains(report.Files, f => f.Note == "the file is empty");
        Assert.Contains(report.Files, f => f.Note.StartsWith("binary content", StringComparison.Ordinal));
        using var store = CaseStores.OpenForRead(casePath);
        Assert.Equal(3, store.Warnings().Count());
        Assert.All(store.Files(), f => Assert.Equal("unrecognized", f.Format));
    }

    [Fact]
    public void EvidenceIsNeverModifiedByIngest()
    {
        var dir = Some.TempDir();
        var file = WriteEvidence(dir, "a.log", "1700000000 web01 root x", "garbage line");
        var before = File.ReadAllBytes(file);
        var mtime = File.GetLastWriteTimeUtc(file);
        File.SetAttributes(file, FileAttributes.ReadOnly);
        var report = Ingest(Path.Combine(dir, "case.db"), file);
        Assert.Equal(1, report.Warnings);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal(mtime, File.GetLastWriteTimeUtc(file));
    }
}
