using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

/// <summary>Issue 11 item 2: one file the store cannot write is that file's error; the next files still ingest.</summary>
public sealed class WriteFailureTests
{
    private static readonly FormatDetector Detector = new([new LinesTestParser()]);

    [Fact]
    public void AWriteFailureOfOneFileIsThatFilesErrorAndTheNextFilesIngest()
    {
        var dir = Some.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "ev"));
        File.WriteAllText(Path.Combine(dir, "ev", "a.log"), "T:\n1700000000 web01 root poison\n");
        File.WriteAllText(Path.Combine(dir, "ev", "b.log"), "T:\n1700000001 web01 root fine\n");
        using var inner = CaseStores.OpenForWrite(Path.Combine(dir, "case.db"));
        using var store = new FailingStore(inner, new IOException("index key too long"));
        var report = IngestStep.Run(store, [Path.Combine(dir, "ev")], new IngestOptions(), Detector);
        var failed = Assert.Single(report.Files, f => f.Path.EndsWith("a.log"));
        Assert.Equal(FileStatus.Unreadable, failed.Status);
        Assert.Contains("index key too long", failed.Note);
        Assert.DoesNotContain("disk", failed.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FileStatus.Ingested, Assert.Single(report.Files, f => f.Path.EndsWith("b.log")).Status);
        Assert.Equal(["1700000001 web01 root fine"], inner.Events().Select(e => e.Message));
    }

    [Fact]
    public void AFullDiskStillStopsTheRunAndSaysSo()
    {
        var dir = Some.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "ev"));
        File.WriteAllText(Path.Combine(dir, "ev", "a.log"), "T:\n1700000000 web01 root poison\n");
        using var inner = CaseStores.OpenForWrite(Path.Combine(dir, "case.db"));
        // ENOSPC as .NET reports it on Linux (HResult = errno 28).
        using var store = new FailingStore(inner, new IOException("No space left on device", 28));
        var ex = Assert.Throws<CaseWriteException>(() => IngestStep.Run(store, [Path.Combine(dir, "ev")], new IngestOptions(), Detector));
        Assert.True(ex.DiskFull);
        Assert.False(new CaseWriteException("x", new IOException("index key too long")).DiskFull);
    }

    /// <summary>A store whose writer fails on an event whose message says "poison", as LiteDB fails on an oversized key.</summary>
    private sealed class FailingStore(ICaseStore inner, Exception failure) : ICaseStore
    {
        public string Location => inner.Location;
        public bool Writable => inner.Writable;
        public bool Owns(string fullPath) => inner.Owns(fullPath);
        public EvidenceFile? FindFile(string sha256) => inner.FindFile(sha256);
        public void AddPath(string sha256, string path) => inner.AddPath(sha256, path);
        public IReadOnlyList<EvidenceFile> Files() => inner.Files();
        public IEvidenceFileWriter BeginFile(EvidenceFile file) => new FailingWriter(inner.BeginFile(file), failure);
        public IEnumerable<StoredWarning> Warnings(int limit = int.MaxValue) => inner.Warnings(limit);
        public IReadOnlyList<AggregateCount> AggregatesOf(string dimension) => inner.AggregatesOf(dimension);
        public IEnumerable<EventRecord> Events(EventSelection selection) => inner.Events(selection);
        public IEventBlocks Blocks => inner.Blocks;
        public IMatchStore Matches => inner.Matches;
        public IChainStore Chains => inner.Chains;
        public ISavedQueryStore Queries => inner.Queries;
        public void Dispose() { }
    }

    private sealed class FailingWriter(IEvidenceFileWriter inner, Exception failure) : IEvidenceFileWriter
    {
        private bool _poisoned;
        public long EventCount => inner.EventCount;
        public long WarningCount => inner.WarningCount;
        public void Add(EventRecord e)
        {
            if (e.Message.Contains("poison")) _poisoned = true;
            inner.Add(e);
        }
        public void Warn(ParseWarning warning) => inner.Warn(warning);
        public EvidenceFile Complete(string? hostNote = null) =>
            _poisoned ? throw new CaseWriteException("Writing to the case failed: " + failure.Message, failure) : inner.Complete(hostNote);
        public void Dispose() => inner.Dispose();
    }
}
