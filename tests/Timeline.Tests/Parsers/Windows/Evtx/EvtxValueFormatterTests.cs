using System.Globalization;
using Timeline.Core.Output;
using Timeline.Parsers.Windows.Evtx;
using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>The hand-written formatters spell values exactly as the framework formatting they replace.</summary>
public sealed class EvtxValueFormatterTests
{
    [Fact]
    public void InstantSpellsTicksLikeTimeText()
    {
        var random = new Random(4);
        long[] edges = [0, 1, DateTime.MaxValue.Ticks, 504911232000000000, 504911232000000000 + 9999999, new DateTime(999, 12, 31, 23, 59, 59, DateTimeKind.Utc).Ticks];
        foreach (var ticks in edges.Concat(Enumerable.Range(0, 20000).Select(_ => random.NextInt64(DateTime.MaxValue.Ticks))))
            Assert.Equal(TimeText.Format(ticks), ValueFormatter.Instant(ticks));
    }

    [Fact]
    public void FileTimeOutsideTheDateRangeStaysRaw()
    {
        Assert.Equal("-1", ValueFormatter.FileTime(-1));
        Assert.Equal("1601-01-01T00:00:00.0000000Z", ValueFormatter.FileTime(0));
        Assert.Equal(long.MaxValue.ToString(CultureInfo.InvariantCulture), ValueFormatter.FileTime(long.MaxValue));
    }

    [Fact]
    public void Utf16DecodesLikeTheFrameworkDecoderSurrogatesIncluded()
    {
        var random = new Random(16);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 40) * 2];
            random.NextBytes(bytes);
            // Mostly high bytes in the surrogate range, so pairs, lone halves and reversed pairs all occur.
            for (var k = 1; k < bytes.Length; k += 2) if (random.Next(3) == 0) bytes[k] = (byte)(0xD8 + random.Next(8));
            Assert.Equal(System.Text.Encoding.Unicode.GetString(bytes), ValueFormatter.Utf16String(bytes));
        }
    }

    [Fact]
    public void CachedValueTextsAreTheFormattedTexts()
    {
        var cache = new ValueStringCache();
        var random = new Random(23);
        byte[] types = [0x01, 0x02, 0x04, 0x06, 0x08, 0x0A, 0x0E, 0x0F, 0x11, 0x13, 0x14, 0x15, 0x81];
        var values = new List<(byte[] Bytes, byte Type)>();
        for (var i = 0; i < 3000; i++)
        {
            // Few distinct byte strings, many types and lengths (odd and even), so keys that differ only in type or parity meet.
            var bytes = new byte[random.Next(0, 20)];
            for (var k = 0; k < bytes.Length; k++) bytes[k] = (byte)random.Next(3);
            values.Add((bytes, types[random.Next(types.Length)]));
        }
        foreach (var (bytes, type) in values.Concat(values))
            Assert.Equal(ValueFormatter.Format(bytes, type), cache.Format(bytes, type));
    }

    [Fact]
    public void Crc32MatchesTheByteWiseTableForEveryLengthAndStart()
    {
        var random = new Random(32);
        var bytes = new byte[70000];
        random.NextBytes(bytes);
        for (var length = 0; length < 600; length++)
        {
            var start = random.Next(64);
            var seed = (uint)random.Next();
            Assert.Equal(Crc32.AppendByTable(seed, bytes.AsSpan(start, length)), Crc32.Append(seed, bytes.AsSpan(start, length)));
        }
        Assert.Equal(Crc32.AppendByTable(0, bytes), Crc32.Compute(bytes));
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8)); // the standard check value
        Assert.Equal(0x414FA339u, Crc32.Compute("The quick brown fox jumps over the lazy dog"u8));
    }
}
