using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// Damaged copies of real files (seeded random byte flips, zeroed and random runs, truncations)
/// never make the reader throw or hang, and every chunk whose bytes were not touched is still read
/// completely: its events are exactly those of a clean parse.
/// </summary>
public sealed class EvtxFuzzTests
{
    private static readonly byte[] Clean = EvtxTestFiles.Stacked(EvtxTestFiles.Samples);

    /// <summary>Event keys of each chunk of <see cref="Clean"/>, from parsing each sample on its own.</summary>
    private static readonly List<string>[] ChunkEvents = EvtxTestFiles.Samples
        .Select(s => EvtxTestFiles.Parse(EvtxTestFiles.Sample(s)).Events.Select(EvtxTestFiles.Key).ToList())
        .ToArray();

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++) data.Add(seed);
        return data;
    }

    [Fact]
    public void StackedFileReadsLikeItsSamples()
    {
        var outcome = EvtxTestFiles.Parse(Clean);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(ChunkEvents.SelectMany(c => c).ToList(), outcome.Events.Select(EvtxTestFiles.Key).ToList());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ByteFlipsInOneChunkLeaveTheOtherChunksWhole(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var bytes = (byte[])Clean.Clone();
            var damaged = random.Next(ChunkEvents.Length);
            var start = EvtxTestFiles.HeaderSize + (damaged * EvtxTestFiles.ChunkSize);
            var flips = 1 + random.Next(round < 5 ? 8 : 200);
            for (var i = 0; i < flips; i++) bytes[start + random.Next(EvtxTestFiles.ChunkSize)] ^= (byte)(1 + random.Next(255));
            AssertUndamagedChunksRead(bytes, damaged, $"seed {seed} round {round}: {flips} flips in chunk {damaged}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RunsOfGarbageInOneChunkLeaveTheOtherChunksWhole(int seed)
    {
        var random = new Random(seed * 7919);
        var bytes = (byte[])Clean.Clone();
        var damaged = random.Next(ChunkEvents.Length);
        var offset = 512 + random.Next(EvtxTestFiles.ChunkSize - 512);
        var length = Math.Min(1 + random.Next(4096), EvtxTestFiles.ChunkSize - offset);
        var run = bytes.AsSpan(EvtxTestFiles.HeaderSize + (damaged * EvtxTestFiles.ChunkSize) + offset, length);
        if (seed % 2 == 0) run.Clear();
        else random.NextBytes(run);
        AssertUndamagedChunksRead(bytes, damaged, $"seed {seed}: {length} {(seed % 2 == 0 ? "zero" : "random")} bytes at chunk {damaged} offset {offset}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TruncationKeepsEveryChunkBeforeTheCut(int seed)
    {
        var random = new Random(seed * 104729);
        var cut = random.Next(Clean.Length);
        var bytes = Clean.AsSpan(0, cut).ToArray();
        var outcome = EvtxTestFiles.ParseGuarded(bytes, $"cut at {cut}");
        var keys = outcome.Events.Select(EvtxTestFiles.Key).ToHashSet();
        var whole = Math.Max(0, (cut - EvtxTestFiles.HeaderSize) / EvtxTestFiles.ChunkSize);
        for (var chunk = 0; chunk < whole; chunk++)
            Assert.All(ChunkEvents[chunk], k => Assert.Contains(k, keys));
        if (cut < Clean.Length) Assert.NotEmpty(outcome.Warnings);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FileHeaderDamageNeverLosesAChunk(int seed)
    {
        var random = new Random(seed * 31);
        var bytes = (byte[])Clean.Clone();
        for (var i = 0; i < 1 + random.Next(16); i++) bytes[8 + random.Next(EvtxTestFiles.HeaderSize - 8)] ^= (byte)(1 + random.Next(255));
        var outcome = EvtxTestFiles.ParseGuarded(bytes, $"seed {seed}: header flips");
        Assert.Equal(ChunkEvents.SelectMany(c => c).ToList(), outcome.Events.Select(EvtxTestFiles.Key).ToList());
    }

    private static void AssertUndamagedChunksRead(byte[] bytes, int damaged, string what)
    {
        var outcome = EvtxTestFiles.ParseGuarded(bytes, what);
        var keys = outcome.Events.Select(EvtxTestFiles.Key).ToHashSet();
        for (var chunk = 0; chunk < ChunkEvents.Length; chunk++)
        {
            if (chunk == damaged) continue;
            foreach (var key in ChunkEvents[chunk])
                Assert.True(keys.Contains(key), $"{what}: chunk {chunk} (untouched) lost an event: {key[..Math.Min(120, key.Length)]}");
        }
    }
}
