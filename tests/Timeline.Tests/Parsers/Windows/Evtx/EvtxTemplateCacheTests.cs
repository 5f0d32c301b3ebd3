using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// Compiled templates are shared across chunks (and files) when their definitions are the same. A
/// chunk must read exactly as it would on its own whatever was read before it: a repeated chunk
/// reads like its first copy, and a definition that differs from a cached one with the same GUID and
/// size is compiled afresh, never taken from the cache.
/// </summary>
public sealed class EvtxTemplateCacheTests
{
    private const string Logons = "security-4625-openssh-bruteforce.evtx";

    [Fact]
    public void RepeatedChunksReadLikeTheirFirstCopy()
    {
        var samples = EvtxTestFiles.Samples;
        var once = EvtxTestFiles.Parse(EvtxTestFiles.Stacked(samples)).Events.Select(EvtxTestFiles.Key).ToList();
        var thrice = EvtxTestFiles.Parse(EvtxTestFiles.Stacked([.. samples, .. samples, .. samples]));
        Assert.Empty(thrice.Warnings);
        Assert.Equal([.. once, .. once, .. once], thrice.Events.Select(EvtxTestFiles.Key).ToList());
    }

    [Fact]
    public void ADefinitionThatDiffersFromACachedOneIsCompiledAfresh()
    {
        var clean = EvtxTestFiles.Sample(Logons);
        var renamed = EvtxTestFiles.Renamed(clean, "TargetUserName", "TargetUserNamf");
        var alone = EvtxTestFiles.Parse(renamed).Events.Select(EvtxTestFiles.Key).ToList();
        var cleanKeys = EvtxTestFiles.Parse(clean).Events.Select(EvtxTestFiles.Key).ToList();
        Assert.Contains(alone, k => k.Contains(";TargetUserNamf=", StringComparison.Ordinal));
        Assert.DoesNotContain(alone, k => k.Contains(";TargetUserName=", StringComparison.Ordinal));

        // Clean, renamed, clean again: each chunk reads as it does on its own.
        var file = new byte[EvtxTestFiles.HeaderSize + (3 * EvtxTestFiles.ChunkSize)];
        clean.AsSpan(0, EvtxTestFiles.HeaderSize).CopyTo(file);
        for (var i = 0; i < 3; i++)
            (i == 1 ? renamed : clean).AsSpan(EvtxTestFiles.HeaderSize, EvtxTestFiles.ChunkSize).CopyTo(file.AsSpan(EvtxTestFiles.HeaderSize + (i * EvtxTestFiles.ChunkSize)));
        EvtxTestFiles.SetHeader(file, chunkCount: 3, flags: 0);
        var mixed = EvtxTestFiles.Parse(file);
        Assert.Empty(mixed.Warnings);
        Assert.Equal([.. cleanKeys, .. alone, .. cleanKeys], mixed.Events.Select(EvtxTestFiles.Key).ToList());
    }
}
