using System.IO.Compression;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Xunit;

namespace Timeline.Tests.Ingest;

public sealed class TextLineReaderTests
{
    private static (List<TextLine> Lines, List<ParseWarning> Warnings) Read(byte[] bytes, int max = TextLineReader.DefaultMaxLineBytes)
    {
        var warnings = new List<ParseWarning>();
        var context = new ParseContext("x.log", new string('0', 64), warnings.Add);
        var lines = TextLineReader.Read(new MemoryStream(bytes), context, max).ToList();
        return (lines, warnings);
    }

    [Fact]
    public void CrlfAndLfLineEndsGiveTheSameText()
    {
        var (lines, warnings) = Read("a\r\nb\nc"u8.ToArray());
        Assert.Equal(["a", "b", "c"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.Number));
        Assert.Empty(warnings);
    }

    [Fact]
    public void InvalidUtf8IsKeptAsHexEscapesWithAWarning()
    {
        var (lines, warnings) = Read([(byte)'o', (byte)'k', 0xFF, 0xC3, (byte)'\n', 0xC3, 0xA9, (byte)'\n']);
        Assert.Equal("ok\\xFF\\xC3", lines[0].Text);
        Assert.Equal("é", lines[1].Text);
        var w = Assert.Single(warnings);
        Assert.Equal(1, w.Origin.Position);
        Assert.Contains("UTF-8", w.Message);
    }

    [Fact]
    public void NulBytesAreEscapedAndWarned()
    {
        var (lines, warnings) = Read([(byte)'a', 0, (byte)'b', (byte)'\n']);
        Assert.Equal("a\\x00b", lines[0].Text);
        Assert.Contains(warnings, w => w.Message.Contains("NUL"));
    }

    [Fact]
    public void AHugeLineIsCutWithAWarningAndTheNextLineStillRead()
    {
        var big = new byte[10 * 1024 * 1024 + 5];
        Array.Fill(big, (byte)'x');
        var bytes = big.Concat("\nnext\n"u8.ToArray()).ToArray();
        var (lines, warnings) = Read(bytes);
        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].Truncated);
        Assert.Equal(TextLineReader.DefaultMaxLineBytes, lines[0].Text.Length);
        Assert.Equal(big.Length, lines[0].ByteLength);
        Assert.Equal("next", lines[1].Text);
        var w = Assert.Single(warnings);
        Assert.Equal(1, w.Origin.Position);
        Assert.Contains("10,485,765 bytes", w.Message);
    }

    [Fact]
    public void ATruncatedGzipKeepsTheLinesBeforeTheDamage()
    {
        var text = string.Concat(Enumerable.Range(1, 5000).Select(i => $"line {i} with some padding text to make it longer\n"));
        using var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        var cut = packed.ToArray()[..(int)(packed.Length * 2 / 3)];
        var path = Path.Combine(Support.Some.TempDir(), "auth.log.2.gz");
        File.WriteAllBytes(path, cut);
        var warnings = new List<ParseWarning>();
        var context = new ParseContext(path, new string('0', 64), warnings.Add);
        using var content = EvidenceOpener.Open(path).OpenContent();
        var lines = TextLineReader.Read(content, context).ToList();
        Assert.InRange(lines.Count, 100, 4999);
        Assert.All(lines.SkipLast(1), l => Assert.Equal($"line {l.Number} with some padding text to make it longer", l.Text));
        var w = Assert.Single(warnings);
        Assert.Contains("truncated or corrupt", w.Message);
    }

    [Fact]
    public void AnIntactGzipIsReadWithoutWarnings()
    {
        var path = Path.Combine(Support.Some.TempDir(), "plain-name-no-suffix");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gz.Write("a\nb\n"u8);
        var warnings = new List<ParseWarning>();
        var source = EvidenceOpener.Open(path);
        Assert.True(source.Compressed, "gzip is recognised by its magic bytes, not its name");
        using var content = source.OpenContent();
        var lines = TextLineReader.Read(content, new ParseContext(path, new string('0', 64), warnings.Add)).ToList();
        Assert.Equal(["a", "b"], lines.Select(l => l.Text));
        Assert.Empty(warnings);
    }

    [Fact]
    public void AnEmptyStreamHasNoLines()
    {
        var (lines, warnings) = Read([]);
        Assert.Empty(lines);
        Assert.Empty(warnings);
    }
}
