using System.Buffers.Binary;
using System.Text;
using Timeline.Core.Ingest;
using Timeline.Parsers.Windows.Evtx;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// Records of a top-level template instance are rendered through the template's compiled plan instead of
/// walking its tree. Both ways must give the same events and warnings, byte for byte: every chunk is decoded
/// by a decoder using plans and by one that always walks, and their output compared.
/// </summary>
public sealed class EvtxTemplatePlanTests
{
    [Fact]
    public void PlansGiveTheWalksOutputOnTheSamples() => AssertPlansGiveTheWalksOutput(EvtxTestFiles.Samples.Select(EvtxTestFiles.Sample).ToList());

    /// <summary>
    /// The samples together with the real recordings of the shared data (skipped, and counted, where it is
    /// missing; never narrowed to the samples in silence).
    /// </summary>
    [SharedDataFact("evtx")]
    public void PlansGiveTheWalksOutputOnTheSamplesAndTheCorpus()
    {
        var files = EvtxTestFiles.Samples.Select(EvtxTestFiles.Sample).ToList();
        foreach (var corpus in new[] { "evtx", "sigmahq/regression_data" })
            files.AddRange(Directory.GetFiles(RepoPaths.SharedData(corpus)!, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        AssertPlansGiveTheWalksOutput(files);
    }

    private static void AssertPlansGiveTheWalksOutput(List<byte[]> files)
    {
        var (planned, walked) = (new ChunkDecoder(), new ChunkDecoder(plans: false));
        var events = 0;
        foreach (var file in files) events += AssertSameOutput(planned, walked, file);
        Assert.True(events > 0);
        // Nearly every record of real files has a plain shape (fragment values and arrays included).
        Assert.True(planned.Planned >= events * 9 / 10, $"{planned.Planned} of {events} records planned");
        Assert.Equal(0, walked.Planned);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void PlansGiveTheWalksOutputOnDamagedFiles(int seed)
    {
        var clean = EvtxTestFiles.Stacked(EvtxTestFiles.Samples);
        var random = new Random(seed * 6151);
        var (planned, walked) = (new ChunkDecoder(), new ChunkDecoder(plans: false));
        for (var round = 0; round < 20; round++)
        {
            var bytes = (byte[])clean.Clone();
            var runs = 1 + random.Next(round < 10 ? 4 : 60);
            for (var i = 0; i < runs; i++)
            {
                var at = EvtxTestFiles.HeaderSize + 512 + random.Next(bytes.Length - EvtxTestFiles.HeaderSize - 512);
                var length = Math.Min(1 + random.Next(round % 3 == 0 ? 1 : 32), bytes.Length - at);
                if (round % 2 == 0) random.NextBytes(bytes.AsSpan(at, length));
                else bytes.AsSpan(at, length).Clear();
            }
            AssertSameOutput(planned, walked, bytes);
        }
    }

    /// <summary>
    /// A hand-built chunk with the shapes the plan handles besides plain values: EventData in a fragment value,
    /// a NULL optional substitution (its Data element is left out), string arrays (a named Data element repeated
    /// and joined, an unnamed one numbered per item, an empty one), a Data name from a substitution, text mixed with a value,
    /// a NULL optional attribute, and a record without EventData.
    /// </summary>
    [Fact]
    public void PlansGiveTheWalksOutputOnEveryShapeTheyExpress()
    {
        var chunk = SyntheticChunk.Build(
        [
            [Str("Prov"), U16(4624), FileTime(), U64(1), Str("Security"), Str("host1"), Null(), Fragment(Str("alpha"), Strings("x", "y"), Str("u1"), Str("DynName"), Strings("p", "q"), Str("tail"), Strings("m", "n"))],
            [Str("Prov"), U16(4625), FileTime(), U64(2), Str("Security"), Str("host1"), Sid(), Fragment(Null(), Str("b"), Null(), Str(""), Strings(), Null(), Null())],
            [Str("Prov"), U16(4626), FileTime(), U64(3), Str("Security"), Str("host2"), Null(), Null()],
        ]);
        var (planned, walked) = (new ChunkDecoder(), new ChunkDecoder(plans: false));
        Assert.Equal(3, AssertSameOutput(planned, walked, chunk));
        Assert.Equal(3, planned.Planned);

        var events = planned.Decode(chunk, chunk.Length, 0, 0, new ParseContext("synthetic.evtx", "x")).Events;
        var first = events[0].Fields;
        Assert.Equal("alpha", first.Get("A"));
        Assert.Equal("x, y", first.Get("B"));
        Assert.Equal("u1", first.Get("Data1"));
        Assert.Equal("p, q", first.Get("DynName"));
        Assert.Equal("m", first.Get("Data2"));
        Assert.Equal("n", first.Get("Data3"));
        Assert.Equal("Ctail", first.Get("C"));
        Assert.Null(first.Get("UserID"));
        var second = events[1].Fields;
        Assert.Null(second.Get("A"));
        Assert.Equal("S-1-5-18", second.Get("UserID"));
        Assert.Equal("b", second.Get("B"));
        Assert.Equal("C", second.Get("C"));
        Assert.Equal("4626", events[2].Fields.Get("EventID"));
        Assert.Null(events[2].Fields.Get("B"));
    }

    private static int AssertSameOutput(ChunkDecoder planned, ChunkDecoder walked, byte[] file)
    {
        var start = file.AsSpan().StartsWith("ElfFile\0"u8) ? EvtxTestFiles.HeaderSize : 0;
        var events = 0;
        for (var (offset, index) = (start, 0); offset < file.Length; offset += EvtxTestFiles.ChunkSize, index++)
        {
            var length = Math.Min(EvtxTestFiles.ChunkSize, file.Length - offset);
            var a = planned.Decode(file[offset..(offset + length)], length, index, offset, new ParseContext("test.evtx", "x"));
            var b = walked.Decode(file[offset..(offset + length)], length, index, offset, new ParseContext("test.evtx", "x"));
            Assert.Equal(b.Warnings, a.Warnings);
            Assert.Equal(b.Events.Select(Dump).ToList(), a.Events.Select(Dump).ToList());
            events += a.Events.Count;
        }
        return events;
    }

    private static string Dump(Timeline.Core.Events.EventRecord e) =>
        $"{e.Ticks}|{e.SortTicks}|{e.Host}|{e.Origin.Position}|{e.Message}|{string.Join("\u0001", e.Fields.Select(f => f.Key + "=" + f.Value))}";

    private static Func<int, (byte Type, byte[] Bytes)> Str(string s) => _ => (0x01, Encoding.Unicode.GetBytes(s));
    private static Func<int, (byte Type, byte[] Bytes)> Strings(params string[] items) =>
        _ => (0x81, items.SelectMany(i => Encoding.Unicode.GetBytes(i + "\0")).ToArray());
    private static Func<int, (byte Type, byte[] Bytes)> Null() => _ => (0x00, []);
    private static Func<int, (byte Type, byte[] Bytes)> U16(ushort v) => _ => (0x06, BitConverter.GetBytes(v));
    private static Func<int, (byte Type, byte[] Bytes)> U64(ulong v) => _ => (0x0A, BitConverter.GetBytes(v));
    private static Func<int, (byte Type, byte[] Bytes)> FileTime() => _ => (0x11, BitConverter.GetBytes(new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc).ToFileTimeUtc()));
    private static Func<int, (byte Type, byte[] Bytes)> Sid() => _ => (0x13, [1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]);

    /// <summary>A BinXml (0x21) value: a fragment holding one instance of the EventData template.</summary>
    private static Func<int, (byte Type, byte[] Bytes)> Fragment(params Func<int, (byte Type, byte[] Bytes)>[] values) =>
        at => (0x21, SyntheticChunk.Fragment(at, SyntheticChunk.EventData, values));

    /// <summary>Writes Binary XML at known chunk offsets (names inline, templates defined where they are used).</summary>
    private sealed class SyntheticChunk(int origin)
    {
        private readonly List<byte> _bytes = [];

        private int Pos => origin + _bytes.Count;

        public static byte[] Build(Func<int, (byte Type, byte[] Bytes)>[][] records)
        {
            var chunk = new byte[EvtxTestFiles.ChunkSize];
            "ElfChnk\0"u8.CopyTo(chunk);
            var pos = 512;
            ulong id = 1;
            foreach (var values in records)
            {
                var xml = Fragment(pos + 24, Event, values);
                var size = 24 + xml.Length + 4;
                "**\0\0"u8.CopyTo(chunk.AsSpan(pos));
                BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(pos + 4), size);
                BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(pos + 8), id++);
                xml.CopyTo(chunk.AsSpan(pos + 24));
                BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(pos + size - 4), size);
                pos += size;
            }
            BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(48), pos); // free-space offset
            return chunk;
        }

        /// <summary>Fragment header, template instance (definition inline), values, end of fragment.</summary>
        public static byte[] Fragment(int at, Action<SyntheticChunk> template, Func<int, (byte Type, byte[] Bytes)>[] values)
        {
            var w = new SyntheticChunk(at);
            w.Raw(0x0F, 0x01, 0x01, 0x00, 0x0C, 0x01);
            w.U32(0);
            w.U32((uint)(w.Pos + 4));
            w.U32(0);
            w.Raw(new byte[16]);
            var sizeAt = w._bytes.Count;
            w.U32(0);
            var body = w._bytes.Count;
            w.Raw(0x0F, 0x01, 0x01, 0x00);
            template(w);
            w.Raw(0x00);
            BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w._bytes)[sizeAt..], w._bytes.Count - body);
            w.U32((uint)values.Length);
            var dataAt = w.Pos + (values.Length * 4);
            var data = new List<(byte Type, byte[] Bytes)>();
            foreach (var value in values)
            {
                data.Add(value(dataAt));
                dataAt += data[^1].Bytes.Length;
            }
            foreach (var (type, bytes) in data)
            {
                w.U16((ushort)bytes.Length);
                w.Raw(type, 0);
            }
            foreach (var (_, bytes) in data) w.Raw(bytes);
            w.Raw(0x00);
            return [.. w._bytes];
        }

        public static void Event(SyntheticChunk w) => w.Element("Event", [], () =>
        {
            w.Element("System", [], () =>
            {
                w.Element("Provider", [("Name", () => w.Sub(0, 0x01, false))], null);
                w.Element("EventID", [], () => w.Sub(1, 0x06, false));
                w.Element("TimeCreated", [("SystemTime", () => w.Sub(2, 0x11, false))], null);
                w.Element("EventRecordID", [], () => w.Sub(3, 0x0A, false));
                w.Element("Channel", [], () => w.Sub(4, 0x01, false));
                w.Element("Computer", [], () => w.Sub(5, 0x01, false));
                w.Element("Security", [("UserID", () => w.Sub(6, 0x13, true))], null);
            });
            w.Sub(7, 0x21, false);
        });

        public static void EventData(SyntheticChunk w) => w.Element("EventData", [], () =>
        {
            w.Element("Data", [("Name", () => w.Text("A"))], () => w.Sub(0, 0x01, true));
            w.Element("Data", [("Name", () => w.Text("B"))], () => w.Sub(1, 0x81, false));
            w.Element("Data", [], () => w.Sub(2, 0x01, false));
            w.Element("Data", [("Name", () => w.Sub(3, 0x01, false))], () => w.Sub(4, 0x81, false));
            w.Element("Data", [("Name", () => w.Text("C"))], () => { w.Text("C"); w.Sub(5, 0x01, false); });
            w.Element("Data", [], () => w.Sub(6, 0x81, false));
        });

        private void Element(string name, (string Name, Action Value)[] attributes, Action? content)
        {
            Raw((byte)(attributes.Length > 0 ? 0x41 : 0x01), 0xFF, 0xFF);
            U32(0);
            Name(name);
            if (attributes.Length > 0)
            {
                U32(0);
                for (var i = 0; i < attributes.Length; i++)
                {
                    Raw((byte)(i < attributes.Length - 1 ? 0x46 : 0x06));
                    Name(attributes[i].Name);
                    attributes[i].Value();
                }
            }
            if (content is null)
            {
                Raw(0x03);
                return;
            }
            Raw(0x02);
            content();
            Raw(0x04);
        }

        private void Name(string name)
        {
            U32((uint)(Pos + 4));
            U32(0);
            U16(0);
            U16((ushort)name.Length);
            Raw(Encoding.Unicode.GetBytes(name));
            U16(0);
        }

        private void Sub(ushort index, byte type, bool optional)
        {
            Raw((byte)(optional ? 0x0E : 0x0D));
            U16(index);
            Raw(type);
        }

        private void Text(string text)
        {
            Raw(0x05, 0x01);
            U16((ushort)text.Length);
            Raw(Encoding.Unicode.GetBytes(text));
        }

        private void Raw(params byte[] bytes) => _bytes.AddRange(bytes);
        private void U16(ushort v) => Raw(BitConverter.GetBytes(v));
        private void U32(uint v) => Raw(BitConverter.GetBytes(v));
    }
}
