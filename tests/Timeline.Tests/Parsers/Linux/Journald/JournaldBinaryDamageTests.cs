using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using K4os.Compression.LZ4;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Journald;
using Timeline.Parsers.Linux.Journald.Binary;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

/// <summary>
/// Binary journals as evidence leaves them: truncated copies, torn object headers, files copied
/// while journald wrote them, hostile chains; and the format variants systemd-journal-remote 252
/// does not write (LZ4 and xz payloads, 208- and 272-byte headers), made from the spec by
/// <see cref="JournalFileBuilder"/>. The parser never throws or hangs; what it cannot read is warned
/// with its offset; entries before the damage are kept.
/// </summary>
public sealed class JournaldBinaryDamageTests
{
    private static readonly JournaldParser Parser = new();
    private static readonly string SystemSample = Path.Combine(RepoPaths.SampleLogs, "linux/journald/binary/web04-system.journal");
    private const ulong May1 = 1714543200118842;

    private static ParseOutcome Parse(byte[] bytes, string path = "system.journal") => ParserHarness.ParseBytes(Parser, bytes, path);

    private static bool Warned(ParseOutcome o, string text) => o.Warnings.Any(w => w.Message.Contains(text, StringComparison.Ordinal));

    private static (string, string)[] Ssh(int i) =>
    [
        ("_HOSTNAME", "web09"), ("SYSLOG_IDENTIFIER", "sshd"), ("SYSLOG_PID", (4000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("_TRANSPORT", "syslog"), ("MESSAGE", $"Failed password for root from 203.0.113.9 port {50000 + i} ssh2"),
    ];

    [Fact]
    public void TruncatedCopiesKeepEveryEntryBeforeTheCutAndWarn()
    {
        var whole = File.ReadAllBytes(SystemSample);
        var all = Parse(whole).Events;
        foreach (var fraction in new[] { 0.05, 0.3, 0.55, 0.8, 0.97 })
        {
            var cut = (int)(whole.Length * fraction);
            var outcome = Parse(whole[..cut]);
            Assert.True(Warned(outcome, "truncated"), $"cut at {cut}: no truncation warning");
            // An entry's DATA objects are written before it, so every entry that ends before the cut is
            // whole: through the chain, or through the scan once the chain's arrays are cut away.
            var wholeBefore = all.Where(e => e.Origin.Position + (long)BinaryPrimitives.ReadUInt64LittleEndian(whole.AsSpan((int)e.Origin.Position + 8)) <= cut).ToList();
            Assert.Equal(wholeBefore.Select(e => (e.Origin.Position, e.Message, e.Fields.Count)), outcome.Events.Select(e => (e.Origin.Position, e.Message, e.Fields.Count)));
        }
    }

    [Fact]
    public void AFileCutInsideItsHeaderIsAWarningNotACrash()
    {
        var outcome = Parse(File.ReadAllBytes(SystemSample)[..100]);
        Assert.Empty(outcome.Events);
        Assert.True(Warned(outcome, "ends inside the journal header"));
    }

    [Fact]
    public void AFlippedByteInAnEntryHeaderLosesThatEntryOnly()
    {
        var bytes = File.ReadAllBytes(SystemSample);
        var all = Parse(bytes).Events;
        var victim = all[10].Origin.Position;
        bytes[victim] ^= 0x40; // the type byte: ENTRY (3) becomes 67
        var outcome = Parse(bytes);
        Assert.Equal(all.Count - 1, outcome.Events.Count);
        Assert.DoesNotContain(outcome.Events, e => e.Origin.Position == victim);
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == victim && w.Message.Contains("not a valid entry", StringComparison.Ordinal));
    }

    [Fact]
    public void AFlippedByteInADataObjectHeaderLosesThatFieldAndSaysWhere()
    {
        var builder = new JournalFileBuilder().Entry(May1, Ssh(0)).Entry(May1 + 1, Ssh(1));
        var bytes = builder.Build();
        // The first DATA object starts right after the 264-byte header: make its size absurd.
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(264 + 8), ulong.MaxValue - 5);
        var outcome = Parse(bytes);
        // That object is _HOSTNAME=web09, shared by both entries: both lose their host, nothing else.
        Assert.Equal(["sshd[4000]", "sshd[4001]"], outcome.Events.Select(e => e.Message.Split(':')[0]));
        Assert.All(outcome.Events, e => Assert.Equal("sample-host", e.Host));
        Assert.All(outcome.Events, e => Assert.Equal("ssh_failed", e.Fields.Get("event")));
        Assert.Equal(2, outcome.Warnings.Count(w => w.Message.Contains("the object at 264 is not a valid DATA object", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnOnlineCopyRecoversUnlinkedEntriesOnceEach()
    {
        var online = Parse(File.ReadAllBytes(Path.Combine(RepoPaths.SampleLogs, "linux/journald/binary/web04-system-online.journal~")));
        var clean = Parse(File.ReadAllBytes(SystemSample));
        Assert.Equal(clean.Events.Select(e => (e.Origin.Position, e.Message)), online.Events.Select(e => (e.Origin.Position, e.Message)));
        Assert.True(Warned(online, "3 entries recovered by a linear scan"));
        Assert.True(Warned(online, "the file is online"));
    }

    [Fact]
    public void ABrokenChainHandsOverToTheScanWithoutDoublingEntries()
    {
        var builder = new JournalFileBuilder();
        for (var i = 0; i < 20; i++) builder.Entry(May1 + (ulong)i, Ssh(i));
        var bytes = builder.Build();
        var arrays = Parse(bytes).Events.Count;
        Assert.Equal(20, arrays);
        // The second entry array (items 5..12) points nowhere sensible.
        var header = JournalHeader.Read(bytes);
        var first = (int)header.EntryArrayOffset;
        var second = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(first + 16));
        bytes[second] = 0x55;
        var outcome = Parse(bytes);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"sshd[{4000 + i}]: Failed password for root from 203.0.113.9 port {50000 + i} ssh2"), outcome.Events.Select(e => e.Message));
        Assert.True(Warned(outcome, "entry array chain is broken"));
        Assert.True(Warned(outcome, "16 entries recovered by a linear scan"));
    }

    [Fact]
    public void ACycleInTheEntryArrayChainEndsTheWalk()
    {
        var builder = new JournalFileBuilder { Cycle = true };
        for (var i = 0; i < 30; i++) builder.Entry(May1 + (ulong)i, Ssh(i));
        var outcome = TimeLimit.Run(TimeSpan.FromSeconds(10), "cyclic chain", () => Parse(builder.Build()));
        Assert.Equal(30, outcome.Events.Count);
        Assert.True(Warned(outcome, "not after itself"));
    }

    [Fact]
    public void UnknownIncompatibleFlagsRefuseTheFile()
    {
        var outcome = Parse(new JournalFileBuilder { ExtraIncompatible = 1 << 7 }.Entry(May1, Ssh(0)).Build());
        Assert.Empty(outcome.Events);
        Assert.True(Warned(outcome, "incompatible format features this reader does not know (flags 0x80"));
    }

    [Theory]
    [InlineData(208, true)]
    [InlineData(240, false)]
    [InlineData(256, false)]
    [InlineData(264, true)]
    [InlineData(272, true)]
    public void EveryHeaderSizeAndBothLayoutsRead(int headerSize, bool compact)
    {
        var outcome = Parse(new JournalFileBuilder { HeaderSize = headerSize, Compact = compact }.Entry(May1, Ssh(0)).Entry(May1 + 5, Ssh(1)).Build());
        Assert.Empty(outcome.Warnings);
        Assert.Equal(["ssh_failed", "ssh_failed"], outcome.Events.Select(e => e.Fields.Get("event")));
        Assert.Equal(new DateTime(2024, 5, 1, 6, 0, 0, DateTimeKind.Utc).Ticks + 1188420, outcome.Events[0].Ticks);
    }

    [Fact]
    public void Lz4AndXzPayloadsDecompress()
    {
        var text = "MESSAGE=lz4-compressed: " + string.Concat(Enumerable.Repeat("miner config dump ", 40));
        var plain = Encoding.UTF8.GetBytes(text);
        var block = new byte[LZ4Codec.MaximumOutputSize(plain.Length)];
        var encoded = LZ4Codec.Encode(plain, block);
        var lz4 = new byte[8 + encoded];
        BinaryPrimitives.WriteUInt64LittleEndian(lz4, (ulong)plain.Length);
        block.AsSpan(0, encoded).CopyTo(lz4.AsSpan(8));
        // An xz stream of "MESSAGE=xz-compressed: " + 40 × "miner config dump " (python3 lzma, FORMAT_XZ, CHECK_NONE, as journald's xz writer).
        var xz = Convert.FromBase64String("/Td6WFoAAAD/EtlBAgAhARYAAAB0L+Wj4ALmADJdACaRRsDRlFfklcfZNp+JsZ+Zla9TIi5uwUPByoe53whA3xqt6wKjzn3LJDT4SSzqDqYAAAAAAAFG5wUAAABR1n63qAAK/AIAAAAAAFla");
        var bytes = new JournalFileBuilder { Compact = false }
            .Entry(May1, (Encoding.UTF8.GetBytes("SYSLOG_IDENTIFIER=kworkerds"), ObjectFlags.None), (lz4, ObjectFlags.CompressedLz4))
            .Entry(May1 + 1, (Encoding.UTF8.GetBytes("SYSLOG_IDENTIFIER=kworkerds"), ObjectFlags.None), (xz, ObjectFlags.CompressedXz))
            .Build();
        var outcome = Parse(bytes);
        Assert.Empty(outcome.Warnings);
        Assert.Equal("kworkerds: " + text["MESSAGE=".Length..], outcome.Events[0].Message);
        Assert.Equal("kworkerds: xz-compressed: " + string.Concat(Enumerable.Repeat("miner config dump ", 40)), outcome.Events[1].Message);
    }

    [Fact]
    public void CorruptCompressedPayloadsLoseTheirFieldWithAWarning()
    {
        var bogus = new byte[64];
        Array.Fill(bogus, (byte)0xA5);
        var lz4Lies = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(lz4Lies, ulong.MaxValue); // claims 16 EiB
        var bytes = new JournalFileBuilder()
            .Entry(May1, (Encoding.UTF8.GetBytes("SYSLOG_IDENTIFIER=a"), ObjectFlags.None), (bogus, ObjectFlags.CompressedZstd))
            .Entry(May1 + 1, (Encoding.UTF8.GetBytes("SYSLOG_IDENTIFIER=b"), ObjectFlags.None), (bogus, ObjectFlags.CompressedXz))
            .Entry(May1 + 2, (Encoding.UTF8.GetBytes("SYSLOG_IDENTIFIER=c"), ObjectFlags.None), (lz4Lies, ObjectFlags.CompressedLz4))
            .Entry(May1 + 3, (Encoding.UTF8.GetBytes("SYSLOG_IDENTIFIER=d"), ObjectFlags.None), (bogus, ObjectFlags.CompressedZstd | ObjectFlags.CompressedXz))
            .Build();
        var outcome = Parse(bytes);
        Assert.Equal(["a:", "b:", "c:", "d:"], outcome.Events.Select(e => e.Message));
        Assert.Equal(4, outcome.Warnings.Count(w => w.Message.Contains("damaged field", StringComparison.Ordinal)));
    }

    [Fact]
    public void AValueOver64KiBKeepsItsStartAndAMarker()
    {
        var huge = "MESSAGE=" + new string('A', 200_000);
        var outcome = Parse(new JournalFileBuilder().Entry(May1, ("SYSLOG_IDENTIFIER", "x"), ("BLOB", new string('b', 70_000))).Entry(May1, (Encoding.UTF8.GetBytes(huge), ObjectFlags.None)).Build());
        Assert.Equal(2, outcome.Events.Count);
        Assert.EndsWith(JournalEntry.CutMarker, outcome.Events[0].Fields.Get("BLOB"));
        Assert.Equal(JournalEntry.MaxValueBytes + JournalEntry.CutMarker.Length, outcome.Events[0].Fields.Get("BLOB")!.Length);
        Assert.Equal(JournalEntry.MaxValueBytes + JournalEntry.CutMarker.Length, outcome.Events[1].Message.Length);
        Assert.True(Warned(outcome, "BLOB longer than 65,536 bytes"));
        Assert.True(Warned(outcome, "MESSAGE longer than 65,536 bytes"));
    }

    [Fact]
    public void RepeatedFieldsAreAllKept()
    {
        var outcome = Parse(new JournalFileBuilder()
            .Entry(May1, ("SYSLOG_IDENTIFIER", "kernel"), ("_UDEV_DEVLINK", "/dev/disk/by-uuid/1"), ("_UDEV_DEVLINK", "/dev/disk/by-path/2"), ("_UDEV_DEVLINK", "/dev/disk/by-id/3"), ("MESSAGE", "m"))
            .Build());
        var e = Assert.Single(outcome.Events);
        Assert.Equal(("/dev/disk/by-uuid/1", "/dev/disk/by-path/2", "/dev/disk/by-id/3"), (e.Fields.Get("_UDEV_DEVLINK"), e.Fields.Get("_UDEV_DEVLINK#2"), e.Fields.Get("_UDEV_DEVLINK#3")));
    }

    [Fact]
    public void AJournalInsideAGzipIsCopiedToBeReadByOffset()
    {
        var path = Path.Combine(Some.TempDir(), "system@0006.journal.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gz.Write(File.ReadAllBytes(SystemSample));
        var fromGzip = ParserHarness.ParseFile(path);
        var plain = ParserHarness.ParseFile(SystemSample);
        Assert.Equal("linux/journald", fromGzip.Parser!.Name);
        Assert.Equal(plain.Events.Select(e => (e.Origin.Position, e.Message)), fromGzip.Events.Select(e => (e.Origin.Position, e.Message)));
    }
}
