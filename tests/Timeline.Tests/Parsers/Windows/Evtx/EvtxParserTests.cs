using System.Buffers.Binary;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>Detection, record shape, normalised fields and the recovery paths for damaged files.</summary>
public sealed class EvtxParserTests
{
    private const string Logons = "security-4625-openssh-bruteforce.evtx";
    private const string Services = "system-7045-service-install.evtx";
    private const string Tasks = "security-4688-4698-scheduled-task.evtx";

    private static int Sniff(byte[] head) => ParserHarness.Parser("windows/evtx").Sniff(new SniffSample("x", head, []));

    [Fact]
    public void SniffGivesAFileHeaderFullMarksAndABareChunkLess()
    {
        var file = EvtxTestFiles.Sample(Logons);
        Assert.Equal(100, Sniff(file.AsSpan(0, FormatDetector.HeadBytes).ToArray()));
        Assert.Equal(60, Sniff(file.AsSpan(EvtxTestFiles.HeaderSize).ToArray()));
        Assert.Equal(0, Sniff(Encoding.ASCII.GetBytes("Jan  1 00:00:00 host sshd[1]: hello\n")));
    }

    [Fact]
    public void DetectionIsByContentWhateverTheFileIsCalled()
    {
        var detected = ParserCatalog().Detect(new SniffSample("notes.txt", EvtxTestFiles.Sample(Services).AsSpan(0, 4096 + 8).ToArray(), []));
        Assert.Equal("windows/evtx", detected?.Parser.Name);
    }

    [Fact]
    public void RecordCarriesSystemTimeHostPositionAndCompactMessage()
    {
        var e = EvtxTestFiles.Parse(EvtxTestFiles.Sample(Services)).Events[0];
        Assert.Equal(new DateTime(2020, 12, 17, 10, 38, 33, DateTimeKind.Utc).Ticks + 9511809, e.Ticks);
        Assert.Equal(e.Ticks, e.SortTicks);
        Assert.Equal(TimeQuality.Exact, e.TimeQuality);
        Assert.Equal("jump01.offsec.lan", e.Host);
        Assert.Equal("windows/evtx", e.Parser);
        Assert.Equal(PositionKind.Record, e.Origin.Kind);
        Assert.Equal(337870, e.Origin.Position);
        Assert.Equal("2020-12-17T10:38:33.9511809Z", e.Fields["TimeCreated"]);
        Assert.Equal("16384", e.Fields["EventIDQualifiers"]);
        Assert.Equal("0x8080000000000000", e.Fields["Keywords"]);
        Assert.Equal("System 7045 [Service Control Manager] ServiceName=WCESERVICE ImagePath=D:\\Service\\test.exe ServiceType=user mode service StartType=demand start AccountName=LocalSystem", e.Message);
    }

    [Fact]
    public void FailedLogonGetsNormalisedFieldsBesideTheNativeOnes()
    {
        var e = EvtxTestFiles.Parse(EvtxTestFiles.Sample(Logons)).Events.First(x => x.Fields.Get("EventID") == "4625");
        Assert.Equal("logon_failed", e.Fields["event"]);
        Assert.Equal(e.Fields["TargetUserName"], e.Fields["user"]);
        Assert.Equal(e.Fields["LogonType"], e.Fields["logon_type"]);
        Assert.StartsWith("Security 4625 [Microsoft-Windows-Security-Auditing] ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduledTaskCommandComesFromTheTaskXml()
    {
        var e = EvtxTestFiles.Parse(EvtxTestFiles.Sample(Tasks)).Events.Single(x => x.Fields.Get("EventID") == "4698");
        Assert.Equal("task_create", e.Fields["event"]);
        Assert.Equal("\\eviltask", e.Fields["task_name"]);
        Assert.Equal("C:\\tools\\shell.cmd", e.Fields["command"]);
        Assert.Contains("<Command>", e.Fields["TaskContent"], StringComparison.Ordinal);
    }

    [Fact]
    public void CarvedChunkWithoutFileHeaderReadsLikeTheFile()
    {
        var file = EvtxTestFiles.Sample(Logons);
        var whole = EvtxTestFiles.Parse(file);
        var carved = EvtxTestFiles.Parse(file.AsSpan(EvtxTestFiles.HeaderSize).ToArray());
        Assert.Empty(carved.Warnings);
        Assert.Equal(whole.Events.Select(EvtxTestFiles.Key), carved.Events.Select(EvtxTestFiles.Key));
    }

    [Fact]
    public void DirtyHeaderThatCountsTooFewChunksStillReadsEveryChunk()
    {
        var file = EvtxTestFiles.Stacked(Logons, Services);
        EvtxTestFiles.SetHeader(file, chunkCount: 1, flags: 1);
        var outcome = EvtxTestFiles.Parse(file);
        Assert.Equal(EvtxTestFiles.Parse(EvtxTestFiles.Stacked(Logons, Services)).Events.Count, outcome.Events.Count);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains("counts 1 chunks but 2 were found", warning.Message, StringComparison.Ordinal);
        Assert.Contains("dirty", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadChunkHeaderCrcIsReportedWithChunkAndOffsetAndRecordsAreStillRead()
    {
        var file = EvtxTestFiles.Stacked(Logons, Services);
        file[EvtxTestFiles.HeaderSize + EvtxTestFiles.ChunkSize + 60] ^= 0xFF; // an unused header byte of chunk 1
        var outcome = EvtxTestFiles.Parse(file);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains("chunk 1 (file offset 0x11000)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("header CRC-32 mismatch", warning.Message, StringComparison.Ordinal);
        Assert.Equal(EvtxTestFiles.Parse(EvtxTestFiles.Stacked(Logons, Services)).Events.Select(EvtxTestFiles.Key), outcome.Events.Select(EvtxTestFiles.Key));
    }

    [Fact]
    public void BadRecordsCrcIsReportedAndRecordsAreStillRead()
    {
        var file = EvtxTestFiles.Sample(Services);
        var clean = EvtxTestFiles.Parse(file).Events.Count;
        var computer = Encoding.Unicode.GetBytes("jump01.offsec.lan");
        var at = file.AsSpan(EvtxTestFiles.HeaderSize + 512).IndexOf(computer) + EvtxTestFiles.HeaderSize + 512;
        file[at] = (byte)'J';
        var outcome = EvtxTestFiles.Parse(file);
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("event records CRC-32 mismatch", StringComparison.Ordinal));
        Assert.Equal(clean, outcome.Events.Count);
    }

    [Fact]
    public void GarbageWhereARecordShouldBeIsSkippedAndReadingResumesAtTheNextRecord()
    {
        var file = EvtxTestFiles.Sample(Logons);
        var clean = EvtxTestFiles.Parse(file).Events;
        var chunk = file.AsSpan(EvtxTestFiles.HeaderSize);
        var second = 512 + BinaryPrimitives.ReadInt32LittleEndian(chunk[(512 + 4)..]);
        chunk.Slice(second, 8).Fill(0xCC); // record 2's signature and size
        var outcome = EvtxTestFiles.Parse(file);
        Assert.Equal(clean.Count - 1, outcome.Events.Count);
        Assert.Equal(clean.Where((_, i) => i != 1).Select(EvtxTestFiles.Key), outcome.Events.Select(EvtxTestFiles.Key));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains($"bytes 0x{second:X}..", StringComparison.Ordinal));
    }

    [Fact]
    public void TruncatedFileKeepsTheRecordsBeforeTheCut()
    {
        var file = EvtxTestFiles.Sample(Logons);
        var clean = EvtxTestFiles.Parse(file).Events;
        var chunk = file.AsSpan(EvtxTestFiles.HeaderSize);
        var free = BinaryPrimitives.ReadInt32LittleEndian(chunk[48..]);
        var outcome = EvtxTestFiles.Parse(file.AsSpan(0, EvtxTestFiles.HeaderSize + free - 100).ToArray());
        Assert.Equal(clean.Take(clean.Count - 1).Select(EvtxTestFiles.Key), outcome.Events.Select(EvtxTestFiles.Key));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatedChunkEmitsEveryCopyWithRepeatingPositions()
    {
        var outcome = EvtxTestFiles.Parse(EvtxTestFiles.Stacked(Services, Services));
        var once = EvtxTestFiles.Parse(EvtxTestFiles.Sample(Services)).Events;
        Assert.Equal(once.Count * 2, outcome.Events.Count);
        Assert.Equal(outcome.Events.Take(once.Count).Select(e => e.Origin.Position), outcome.Events.Skip(once.Count).Select(e => e.Origin.Position));
    }

    [Fact]
    public void FileThatIsNotEvtxGivesOneWarningAndNoEvents()
    {
        var outcome = EvtxTestFiles.Parse(Encoding.ASCII.GetBytes("hello, not an event log"));
        Assert.Empty(outcome.Events);
        Assert.Contains("not an EVTX file", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DestroyedFileHeaderStillGivesTheChunks()
    {
        var file = EvtxTestFiles.Sample(Services);
        file.AsSpan(0, 128).Fill(0x41);
        var outcome = EvtxTestFiles.Parse(file);
        Assert.Equal(EvtxTestFiles.Parse(EvtxTestFiles.Sample(Services)).Events.Select(EvtxTestFiles.Key), outcome.Events.Select(EvtxTestFiles.Key));
        Assert.Contains("file header is damaged", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoppingEarlyReleasesTheReader()
    {
        var source = EvidenceSource.FromBytes("x.evtx", EvtxTestFiles.Stacked(Logons, Tasks, Services, Logons, Tasks), SampleContext.DefaultMtime);
        var first = ParserHarness.Parser("windows/evtx").Parse(source, new ParseContext("x.evtx", "00")).First();
        Assert.Equal("windows/evtx", first.Parser);
    }

    [Fact]
    public void ADataFieldNamedLikeANormalisedFieldKeepsItsValue()
    {
        // Status renamed src_ip (same length): the native field wins over the normalised IpAddress, and stays single.
        var clean = EvtxTestFiles.Parse(EvtxTestFiles.Sample(Logons)).Events.Where(x => x.Fields.Get("EventID") == "4625").ToList();
        var renamed = EvtxTestFiles.Parse(EvtxTestFiles.Renamed(EvtxTestFiles.Sample(Logons), "Status", "src_ip")).Events.Where(x => x.Fields.Get("EventID") == "4625").ToList();
        Assert.NotEmpty(clean);
        Assert.Equal(clean.Count, renamed.Count);
        for (var i = 0; i < clean.Count; i++)
        {
            Assert.Equal(clean[i].Fields["Status"], renamed[i].Fields["src_ip"]);
            Assert.Equal(clean[i].Fields["SubStatus"], renamed[i].Fields["Subsrc_ip"]);
            Assert.Equal(clean[i].Fields["user"], renamed[i].Fields["user"]);
            Assert.Equal(renamed[i].Fields.Count, renamed[i].Fields.Keys.Distinct(StringComparer.Ordinal).Count());
        }
    }

    private static FormatDetector ParserCatalog() => Timeline.Parsers.ParserCatalog.Detector();
}
