using System.Globalization;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Vocabulary;
using Timeline.Parsers;
using Timeline.Parsers.Linux.LoginRecords;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.LoginRecords;

public sealed class UtmpParserTests
{
    private static readonly UtmpParser Parser = new();
    private static string Sample(string name) => Path.Combine(RepoPaths.SampleLogs, "linux", "utmp", name);

    /// <summary>Our message cells (type, pid, id, user, line, host, address) and time against utmpdump's, record by record.</summary>
    private static void AssertAgreesWithUtmpdump(string file, ParseOutcome outcome, string tool)
    {
        var dumped = UtmpdumpReference.Read(tool, file);
        Assert.NotEmpty(dumped);
        var byRecord = outcome.Events.ToDictionary(e => e.Origin.Position);
        var compared = 0;
        for (var i = 0; i < dumped.Count; i++)
        {
            var line = dumped[i];
            if (line.Type == 0 || line.Type > 9) continue;
            Assert.True(byRecord.TryGetValue(i + 1, out var e), $"{file}: record {i + 1} ({line}) has no event");
            var cells = e!.Message.TrimStart('[').TrimEnd(']').Split("] [");
            Assert.Equal(line.Type.ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(line.Pid, int.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(line.Id, cells[2].TrimEnd());
            Assert.Equal(line.User, cells[3]);
            Assert.Equal(line.Tty, cells[4]);
            Assert.Equal(line.Host, cells[5]);
            Assert.Equal(line.Address, cells[6]);
            Assert.Equal(line.Time.UtcTicks, e.Ticks);
            compared++;
        }
        Assert.True(compared > 0, $"{file}: no record compared");
    }

    [Theory]
    [InlineData("wtmp")]
    [InlineData("btmp")]
    public void SamplesReadAsUtmpdumpReadsThem(string name)
    {
        if (UtmpdumpReference.Tool() is not { } tool) return;
        var outcome = ParserHarness.ParseFile(Sample(name));
        Assert.Equal(ParserNames.Utmp, outcome.Parser?.Name);
        AssertAgreesWithUtmpdump(Sample(name), outcome, tool);
    }

    [Theory]
    [InlineData("wtmp", "wtmp-s390x")]
    [InlineData("btmp", "btmp-aarch64")]
    public void The400ByteLayoutsReadLikeThe384ByteOriginal(string original, string wide)
    {
        var a = ParserHarness.ParseFile(Sample(original));
        var b = ParserHarness.ParseFile(Sample(wide));
        Assert.Equal(ParserNames.Utmp, b.Parser?.Name);
        Assert.Empty(b.Warnings);
        Assert.Equal(a.Events.Select(Comparable), b.Events.Select(Comparable));
    }

    private static string Comparable(EventRecord e) =>
        $"{e.Ticks} {e.Message} {string.Join(';', e.Fields.Select(f => f.Key + "=" + f.Value))}";

    [Fact]
    public void LayoutIsDetectedByContentNotByName()
    {
        var bytes = File.ReadAllBytes(Sample("wtmp-s390x"));
        var outcome = ParserHarness.ParseBytes(ParserHarness.Parser(ParserNames.Utmp), bytes, "evidence/unnamed.bin");
        Assert.Equal(15, outcome.Events.Count);
        var detected = ParserCatalog.Detector().Detect(new Core.Ingest.SniffSample("evidence/unnamed.bin", bytes, []));
        Assert.Equal(ParserNames.Utmp, detected?.Parser.Name);
        Assert.Same(UtmpLayout.WideBigEndian, UtmpLayoutDetector.Detect(bytes, true)?.Layout);
        Assert.Same(UtmpLayout.Compat32, UtmpLayoutDetector.Detect(File.ReadAllBytes(Sample("wtmp")), true)?.Layout);
        Assert.Same(UtmpLayout.Wide, UtmpLayoutDetector.Detect(File.ReadAllBytes(Sample("btmp-aarch64")), true)?.Layout);
    }

    [Fact]
    public void TheFileNameTellsBtmpFromWtmp()
    {
        var bytes = File.ReadAllBytes(Sample("btmp"));
        var asBtmp = ParserHarness.ParseBytes(Parser, bytes, "var/log/btmp.1");
        var asWtmp = ParserHarness.ParseBytes(Parser, bytes, "var/log/wtmp");
        Assert.All(asBtmp.Events, e => Assert.Equal(LoginRecordEvents.LoginFailed, e.Fields[FieldNames.Event]));
        Assert.All(asWtmp.Events, e => Assert.Equal(LoginRecordEvents.LoginProcess, e.Fields[FieldNames.Event]));
        Assert.Equal(12, asBtmp.Events.Count);
        Assert.Equal(10, asBtmp.Events.Count(e => e.Fields.Get(FieldNames.SrcIp) == "203.0.113.45"));
    }

    [Fact]
    public void ALogoutCarriesTheUserAndDurationOfItsLogin()
    {
        var outcome = ParserHarness.ParseFile(Sample("wtmp"));
        var logout = outcome.Events.Single(e => e.Fields.Get(FieldNames.Event) == LoginRecordEvents.Logout && e.Fields.Get(FieldNames.Tty) == "pts/1");
        Assert.Equal("root", logout.Fields[FieldNames.User]);
        Assert.Equal("00:12:39", logout.Fields[FieldNames.Duration]);
        Assert.Equal("2026-11-30T03:15:02.118760Z", logout.Fields[LoginRecordFields.LoginTime]);
        // bob's console session spans days.
        Assert.Equal("3+03:54:56", outcome.Events.Single(e => e.Fields.Get(FieldNames.Event) == LoginRecordEvents.Logout && e.Fields.Get(FieldNames.Tty) == "tty1").Fields[FieldNames.Duration]);
    }

    [Fact]
    public void ALogoutWithoutItsLoginHasNoUserOrDuration()
    {
        var file = UtmpRecordBytes.File(new UtmpRecordBytes { Type = 8, User = [], Host = [], Address = new byte[16] });
        var e = Assert.Single(ParserHarness.ParseBytes(Parser, file, "wtmp").Events);
        Assert.Equal(LoginRecordEvents.Logout, e.Fields[FieldNames.Event]);
        Assert.False(e.Fields.ContainsKey(FieldNames.User));
        Assert.False(e.Fields.ContainsKey(FieldNames.Duration));
    }

    [Fact]
    public void HostileRecordsAreReadOrReportedNeverThrown()
    {
        var control = Encoding.UTF8.GetBytes("ro\u001b[31mot\r\n\u202e");
        var full = Enumerable.Repeat((byte)'A', 32).ToArray();
        var file = UtmpRecordBytes.File(
            new UtmpRecordBytes { User = control },
            new UtmpRecordBytes { User = full, Line = Enumerable.Repeat((byte)'p', 32).ToArray() },
            new UtmpRecordBytes { Address = Enumerable.Repeat((byte)0xFF, 16).ToArray(), Host = [0xFF, 0xFE, (byte)'x'] },
            new UtmpRecordBytes { Type = 99 },
            new UtmpRecordBytes { Microseconds = 5_000_000 },
            new UtmpRecordBytes { Seconds = 0 });
        var outcome = ParserHarness.ParseBytes(Parser, file, "wtmp");
        Assert.Equal(4, outcome.Events.Count);
        Assert.Equal("ro\u001b[31mot\r\n\u202e", outcome.Events[0].Fields[FieldNames.User]);
        Assert.Equal(new string('A', 32), outcome.Events[1].Fields[FieldNames.User]);
        Assert.Equal(new string('p', 32), outcome.Events[1].Fields[FieldNames.Tty]);
        Assert.Equal("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", outcome.Events[2].Fields[FieldNames.SrcIp]);
        Assert.Equal("\\xFF\\xFEx", outcome.Events[2].Fields[FieldNames.SrcHost]);
        Assert.Null(outcome.Events[3].Ticks);
        Assert.Equal(TimeQuality.OrderOnly, outcome.Events[3].TimeQuality);
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 4 && w.Message.Contains("type 99", StringComparison.Ordinal) && w.Message.Contains("offset 1152", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 5 && w.Message.Contains("microseconds", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 6 && w.Message.Contains("no usable time", StringComparison.Ordinal));
        Assert.All(outcome.Warnings, w => Assert.Equal(PositionKind.Record, w.Origin.Kind));
    }

    [Fact]
    public void AZeroLengthFileIsNotUtmpAndParsesToNothing()
    {
        Assert.Equal(0, Parser.Sniff(new Core.Ingest.SniffSample("wtmp", [], [])));
        var outcome = ParserHarness.ParseBytes(Parser, [], "wtmp");
        Assert.Empty(outcome.Events);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void AFileWhoseSizeIsNotARecordMultipleIsReadUpToTheTruncatedRecord()
    {
        var whole = File.ReadAllBytes(Sample("wtmp"));
        var cut = whole[..(whole.Length - 100)];
        var outcome = ParserHarness.ParseBytes(Parser, cut, "wtmp");
        Assert.Equal(14, outcome.Events.Count);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(15, warning.Origin.Position);
        Assert.Contains("offset 5376", warning.Message, StringComparison.Ordinal);
        Assert.Contains("284 of 384", warning.Message, StringComparison.Ordinal);
        Assert.True(Parser.Sniff(new Core.Ingest.SniffSample("x", cut, [])) > 0);
    }

    [Fact]
    public void TextAndOtherBinaryFormatsAreNotUtmp()
    {
        foreach (var other in new[] { "linux/auth/debian12-rfc3339.log", "windows/evtx/system-7045-service-install.evtx", "linux/lastlog/lastlog", "linux/wtmpdb/wtmp.db" })
        {
            var head = File.ReadAllBytes(Path.Combine(RepoPaths.SampleLogs, other)).Take(64 * 1024).ToArray();
            Assert.True(Parser.Sniff(new Core.Ingest.SniffSample(other, head, [])) == 0, other);
        }
    }

    // plaso's test files (Apache-2.0, ../shared/data/linux/plaso-testdata/utmp): real utmp/wtmp of
    // x86_64, aarch64 and s390x, and damaged ones.
    private const string Plaso = "linux/plaso-testdata/utmp";

    [SharedDataFact(Plaso)]
    public void PlasoX86FilesReadAsUtmpdumpReadsThem()
    {
        if (UtmpdumpReference.Tool() is not { } tool) return;
        foreach (var name in new[] { "utmp", "utmp_x86_64", "wtmp.1" })
        {
            var file = RepoPaths.SharedData(Path.Combine(Plaso, name))!;
            var outcome = ParserHarness.ParseFile(file);
            Assert.Equal(ParserNames.Utmp, outcome.Parser?.Name);
            AssertAgreesWithUtmpdump(file, outcome, tool);
        }
    }

    [SharedDataFact(Plaso)]
    public void PlasoWtmpWithAStrayByteWarnsAtItsLastRecord()
    {
        var outcome = ParserHarness.ParseFile(RepoPaths.SharedData(Path.Combine(Plaso, "wtmp.1"))!);
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 5 && w.Message.Contains("offset 1536", StringComparison.Ordinal) && w.Message.Contains("1 of 384", StringComparison.Ordinal));
        Assert.Equal(["userA"], outcome.Events.Where(e => e.Fields.Get(FieldNames.Event) == LoginRecordEvents.Login).Select(e => e.Fields[FieldNames.User]));
    }

    [SharedDataFact(Plaso)]
    public void PlasoCorruptedUtmpKeepsItsGoodRecords()
    {
        var outcome = ParserHarness.ParseFile(RepoPaths.SharedData(Path.Combine(Plaso, "utmp_corrupted"))!);
        Assert.Equal(ParserNames.Utmp, outcome.Parser?.Name);
        Assert.Equal(["alice", "bob"], outcome.Events.Select(e => e.Fields.Get(FieldNames.User)));
        Assert.Equal(2, outcome.Warnings.Count(w => w.Message.Contains("type 99", StringComparison.Ordinal)));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("truncated", StringComparison.Ordinal));
    }

    [SharedDataFact(Plaso)]
    public void PlasoWideFilesAreDetectedByLayoutAndHoldTheX86Records()
    {
        var x86 = ParserHarness.ParseFile(RepoPaths.SharedData(Path.Combine(Plaso, "utmp_x86_64"))!);
        foreach (var (name, layout) in new[] { ("utmp_aarch64", UtmpLayout.Wide), ("utmp_s390", UtmpLayout.WideBigEndian) })
        {
            var file = RepoPaths.SharedData(Path.Combine(Plaso, name))!;
            Assert.Same(layout, UtmpLayoutDetector.Detect(File.ReadAllBytes(file), true)?.Layout);
            var wide = ParserHarness.ParseFile(file);
            Assert.Equal(ParserNames.Utmp, wide.Parser?.Name);
            Assert.Equal(x86.Events.Select(e => e.Fields.Get(FieldNames.Event)), wide.Events.Select(e => e.Fields.Get(FieldNames.Event)));
            Assert.All(wide.Events, e => Assert.True(e.Ticks is not null && RecordTime.IsPlausible((e.Ticks.Value - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond), $"{name}: {e.Message}"));
        }
    }
}
