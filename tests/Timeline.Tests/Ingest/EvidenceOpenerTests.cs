using Timeline.Core.Ingest;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

public sealed class EvidenceOpenerTests
{
    [Fact]
    public void ContentIsBoundedToTheLengthTakenAtOpen()
    {
        var path = Path.Combine(Some.TempDir(), "live.log");
        File.WriteAllText(path, "one\n");
        var source = EvidenceOpener.Open(path, 4, CancellationToken.None);
        File.AppendAllText(path, "two\n");
        using var reader = new StreamReader(source.OpenContent());
        Assert.Equal("one\n", reader.ReadToEnd());
    }

    [Fact]
    public void EveryReadStopsOnceCancelled()
    {
        var path = Path.Combine(Some.TempDir(), "big.log");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("line\n", 100_000)));
        using var cancel = new CancellationTokenSource();
        var source = EvidenceOpener.Open(path, new FileInfo(path).Length, cancel.Token);
        using var content = source.OpenContent();
        var buffer = new byte[4096];
        Assert.Equal(4096, content.Read(buffer));
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => content.Read(buffer));
    }
}
