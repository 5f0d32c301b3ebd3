using System.Buffers.Binary;
using System.Text;
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
        var renamed = Renamed(clean, "TargetUserName", "TargetUserNamf");
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

    /// <summary>
    /// The sample with every UTF-16 occurrence of <paramref name="from"/> (template definitions hold the
    /// Data names) replaced by <paramref name="to"/>, same length, and the chunk's CRCs fixed.
    /// </summary>
    private static byte[] Renamed(byte[] sample, string from, string to)
    {
        var bytes = (byte[])sample.Clone();
        var chunk = bytes.AsSpan(EvtxTestFiles.HeaderSize, EvtxTestFiles.ChunkSize);
        var old = Encoding.Unicode.GetBytes(from);
        var replacement = Encoding.Unicode.GetBytes(to);
        var found = 0;
        for (var at = chunk.IndexOf(old); at >= 0; at = chunk.IndexOf(old))
        {
            replacement.CopyTo(chunk[at..]);
            found++;
        }
        Assert.True(found > 0, $"{from} not found in the sample");
        var free = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[52..], EvtxTestFiles.Crc32(chunk[512..free]));
        var header = new byte[120 + 384];
        chunk[..120].CopyTo(header);
        chunk[128..512].CopyTo(header.AsSpan(120));
        BinaryPrimitives.WriteUInt32LittleEndian(chunk[124..], EvtxTestFiles.Crc32(header));
        return bytes;
    }
}
