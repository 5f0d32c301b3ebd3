using System.Security.Cryptography;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

/// <summary>
/// A live log grows while it is ingested. The case must hold exactly the bytes its SHA-256 and size
/// cover, and say that the file changed during the read.
/// </summary>
public sealed class GrowingEvidenceTests
{
    /// <summary>The test format, appending to its own file after the first event (a logger writing meanwhile).</summary>
    private sealed class AppendingParser : ILogParser
    {
        private readonly LinesTestParser _inner = new();
        public string Name => _inner.Name;
        public bool NamesHost => true;
        public int Sniff(SniffSample sample) => _inner.Sniff(sample);

        public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
        {
            var first = true;
            foreach (var e in _inner.Parse(source, context))
            {
                if (first)
                {
                    File.AppendAllText(context.File, string.Concat(Enumerable.Range(0, 5000).Select(i => $"1700001000 web01 late{i} appended\n")));
                    File.SetLastWriteTimeUtc(context.File, DateTime.UtcNow.AddMinutes(1));
                    first = false;
                }
                yield return e;
            }
        }
    }

    [Fact]
    public void BytesAppendedDuringTheReadAreNotStoredAndTheChangeIsWarned()
    {
        var dir = Some.TempDir();
        var path = Path.Combine(dir, "live.log");
        var original = "T:\n" + string.Concat(Enumerable.Range(0, 3).Select(i => $"1700000000 web01 user{i} x\n"));
        File.WriteAllText(path, original);
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
            IngestStep.Run(store, [path], new IngestOptions(), new FormatDetector([new AppendingParser()]));

        using var read = CaseStores.OpenForRead(casePath);
        var file = Assert.Single(read.Files());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(original))), file.Sha256);
        Assert.Equal(original.Length, file.Size);
        Assert.Equal(3, read.Events().Count());
        Assert.Contains(read.Warnings(), w => w.Message.Contains("changed while it was read", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileThatDoesNotChangeGetsNoChangeWarning()
    {
        var dir = Some.TempDir();
        var path = Path.Combine(dir, "still.log");
        File.WriteAllText(path, "T:\n1700000000 web01 root x\n");
        var casePath = Path.Combine(dir, "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
            IngestStep.Run(store, [path], new IngestOptions(), new FormatDetector([new LinesTestParser()]));
        using var read = CaseStores.OpenForRead(casePath);
        Assert.Empty(read.Warnings());
    }
}
