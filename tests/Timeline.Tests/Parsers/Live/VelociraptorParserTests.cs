using System.Text;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers;
using Timeline.Parsers.Live.Velociraptor;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Live;

/// <summary>Velociraptor result files (JSON lines of Linux.Sys.Pslist, Linux.Network.NetstatEnriched, Linux.Network.Netstat): recognised by their keys, hostile rows warned with their line, the same fields as live/ps and live/ss.</summary>
public sealed class VelociraptorParserTests
{
    private const string MinerRow = """{"Pid":4242,"Ppid":1,"Name":"kswapd0","CommandLine":"/dev/shm/.k/kswapd0 -o pool.example.net:3333","Exe":"/dev/shm/.k/kswapd0 (deleted)","Username":"www-data","CreateTime":"2024-03-02T03:19:01Z","RSS":1,"Deleted":true}""";

    [Theory]
    [InlineData("sample-logs/live/velociraptor/Linux.Sys.Pslist.json")]
    [InlineData("sample-logs/live/velociraptor/Linux.Network.NetstatEnriched.json")]
    [InlineData("sample-logs/live/velociraptor/Linux.Network.Netstat_TCP4.json")]
    public void ContentNotTheFileNameDecides(string sample)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, sample));
        var detected = ParserCatalog.Detector().Detect(FormatDetector.Sample(EvidenceSource.FromBytes("evidence/x.log", bytes, DateTimeOffset.UnixEpoch)));
        Assert.Equal(ParserNames.LiveVelociraptor, detected?.Parser.Name);
    }

    [Theory]
    [InlineData("sample-logs/linux/journald/web03.json")]
    [InlineData("sample-logs/linux/syslog/debian-syslog.log")]
    [InlineData("sample-logs/live/ps/ps_auxwww.txt")]
    public void OtherJsonAndTextIsNotAResultFile(string sample)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, sample));
        Assert.Equal(0, new VelociraptorResultsParser().Sniff(FormatDetector.Sample(EvidenceSource.FromBytes("results/Linux.Sys.Pslist.json", bytes, DateTimeOffset.UnixEpoch))));
    }

    [Fact]
    public void APslistRowIsAProcessWithItsDeletedExecutable()
    {
        var e = Assert.Single(ParserHarness.ParseText(new VelociraptorResultsParser(), MinerRow + "\n").Events);
        Assert.Equal(LiveStateEvents.Process, e.Fields.Get(FieldNames.Event));
        Assert.Equal("4242", e.Fields.Get(FieldNames.Pid));
        Assert.Equal("1", e.Fields.Get(FieldNames.Ppid));
        Assert.Equal("www-data", e.Fields.Get(FieldNames.User));
        Assert.Equal("/dev/shm/.k/kswapd0", e.Fields.Get(FieldNames.Exe));
        Assert.Equal("deleted", e.Fields.Get(FieldNames.Problem));
        Assert.Equal("/dev/shm/.k/kswapd0 -o pool.example.net:3333", e.Fields.Get(FieldNames.Command));
        Assert.Equal(ParserNames.LiveVelociraptor, e.Parser);
    }

    [Fact]
    public void SocketStatesAreWrittenAsSsWritesThem()
    {
        var outcome = ParserHarness.ParseText(new VelociraptorResultsParser(),
            """{"Laddr":"10.0.0.5","Lport":40100,"Raddr":"203.0.113.9","Rport":3333,"Pid":4242,"Status":"ESTABLISHED","ProcInfo":{"Name":"kswapd0","Username":"www-data","Exe":"/dev/shm/.k/kswapd0 (deleted)"}}""" + "\n"
            + """{"State":"Time Wait","uid":"0","ProcessInfo":null,"LocalAddr":"::ffff:10.0.0.5","LocalPort":22,"RemoteAddr":"2001:db8::7","RemotePort":51234,"Type":"TCP6"}""" + "\n"
            + """{"State":"Listening","ProcessInfo":{"Pid":612,"Command":"sshd\n"},"LocalAddr":"0.0.0.0","LocalPort":22,"RemoteAddr":"0.0.0.0","RemotePort":0}""" + "\n");

        Assert.Empty(outcome.Warnings);
        Assert.Collection(outcome.Events,
            e =>
            {
                Assert.Equal(LiveStateEvents.Connection, e.Fields.Get(FieldNames.Event));
                Assert.Equal("ESTAB", e.Fields.Get(FieldNames.State));
                Assert.Equal("203.0.113.9", e.Fields.Get(FieldNames.RemoteIp));
                Assert.Equal("3333", e.Fields.Get(FieldNames.RemotePort));
                Assert.Equal("tcp", e.Fields.Get(FieldNames.Protocol));
                Assert.Equal("kswapd0", e.Fields.Get(FieldNames.Process));
                Assert.Equal("/dev/shm/.k/kswapd0", e.Fields.Get(FieldNames.Exe));
                Assert.Equal("deleted", e.Fields.Get(FieldNames.Problem));
            },
            e =>
            {
                Assert.Equal("TIME-WAIT", e.Fields.Get(FieldNames.State));
                Assert.Equal("10.0.0.5", e.Fields.Get(FieldNames.LocalIp));
                Assert.Equal("2001:db8::7", e.Fields.Get(FieldNames.RemoteIp));
                Assert.Equal("tcp", e.Fields.Get(FieldNames.Protocol));
                Assert.Null(e.Fields.Get(FieldNames.Pid));
            },
            e =>
            {
                Assert.Equal(LiveStateEvents.Listen, e.Fields.Get(FieldNames.Event));
                Assert.Equal("LISTEN", e.Fields.Get(FieldNames.State));
                Assert.Equal("612", e.Fields.Get(FieldNames.Pid));
                Assert.Equal("sshd", e.Fields.Get(FieldNames.Process));
            });
    }

    [Fact]
    public void HostileRowsAreWarnedWithTheirLineAndTheRestIsRead()
    {
        var deep = new string('[', 500) + new string(']', 500);
        var text = string.Join("\n",
            MinerRow,
            "{\"Pid\":1, \"Ppid\": ",                                   // 2: cut short
            """{"Name":"sshd","Username":"root"}""",                    // 3: another artifact's row
            deep,                                                       // 4: nesting past the reader's depth
            """["Pid",1]""",                                            // 5: not an object
            """{"Pid":{"x":1},"Ppid":[1],"CommandLine":{"a":"b"},"Exe":7}""", // 6: objects where strings belong
            """{"Laddr":"not-an-ip","Lport":"x","Raddr":"1.2.3.4","Rport":1,"Pid":1,"Status":"ESTAB"}""", // 7: bad address
            "{\"Pid\":9,\"Ppid\":1,\"CommandLine\":\"a\\u0000b\\u001b[31mred\",\"Name\":\"x\\ny\"}", // 8: control characters kept as data
            MinerRow) + "\n";
        var outcome = ParserHarness.ParseText(new VelociraptorResultsParser(), text);

        Assert.Equal([2L, 3, 4, 5, 7], outcome.Warnings.Select(w => w.Origin.Position).ToArray());
        Assert.Equal([1L, 6, 8, 9], outcome.Events.Select(e => e.Origin.Position).ToArray());
        var objects = outcome.Events.Single(e => e.Origin.Position == 6);
        Assert.Null(objects.Fields.Get(FieldNames.Pid));
        Assert.Equal("7", objects.Fields.Get(FieldNames.Exe));
        Assert.Equal("a\0b\u001b[31mred", outcome.Events.Single(e => e.Origin.Position == 8).Fields.Get(FieldNames.Command));
    }

    [Fact]
    public void ABinaryOrEmptyFileIsNotClaimed()
    {
        var parser = new VelociraptorResultsParser();
        Assert.Equal(0, parser.Sniff(FormatDetector.Sample(EvidenceSource.FromBytes("x", [], DateTimeOffset.UnixEpoch))));
        Assert.Equal(0, parser.Sniff(FormatDetector.Sample(EvidenceSource.FromBytes("x", Encoding.UTF8.GetBytes("{}\n{\"a\":1}\n"), DateTimeOffset.UnixEpoch))));
        Assert.Equal(0, parser.Sniff(FormatDetector.Sample(EvidenceSource.FromBytes("x", [0x7f, 0x45, 0x4c, 0x46, 1, 2, 3, 4, 5, 6, 7, 8], DateTimeOffset.UnixEpoch))));
    }
}
