using Timeline.Core.Limits;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Linux.Audit;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Audit;

public sealed class AuditParserTests
{
    private static readonly AuditParser Parser = new();

    private static string Hex(string text) => Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(text));

    private static string Syscall(long serial, string extra = "", string arch = "c000003e", int number = 59, string node = "") =>
        $"{node}type=SYSCALL msg=audit(1709349302.481:{serial}): arch={arch} syscall={number} success=yes exit=0 a0=55d1 a1=55d2 a2=55d3 a3=8 items=0 ppid=880 pid={serial} auid=1001 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=7 comm=\"x\" exe=\"/usr/bin/x\" key=(null){extra}";

    [Fact]
    public void TheTimeIsTheKernelStampToTheMillisecondInUtc()
    {
        var outcome = ParserHarness.ParseText(Parser, Syscall(1) + "\n");
        var e = Assert.Single(outcome.Events);
        Assert.Equal(new DateTime(2024, 3, 2, 3, 15, 2, 481, DateTimeKind.Utc).Ticks, e.Ticks);
        Assert.Equal(Timeline.Core.Events.TimeQuality.Exact, e.TimeQuality);
    }

    [Fact]
    public void RecordsOfOneSerialJoinEvenWhenInterleavedAndTheSameSerialOnTwoNodesStaysTwoEvents()
    {
        var text = string.Join("\n",
            Syscall(10),
            Syscall(11),
            "type=EXECVE msg=audit(1709349302.481:11): argc=2 a0=\"ls\" a1=\"-l\"",
            "type=EXECVE msg=audit(1709349302.481:10): argc=1 a0=\"id\"",
            Syscall(10, node: "node=db02 "),
            "node=db02 type=EXECVE msg=audit(1709349302.481:10): argc=1 a0=\"uname\"") + "\n";
        var outcome = ParserHarness.ParseText(Parser, text);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(3, outcome.Events.Count);
        Assert.Equal("id", outcome.Events.Single(e => e.Fields.Get("serial") == "10" && e.Fields.Get("node") is null).Fields.Get("command"));
        Assert.Equal("ls -l", outcome.Events.Single(e => e.Fields.Get("serial") == "11").Fields.Get("command"));
        var db02 = outcome.Events.Single(e => e.Fields.Get("node") == "db02");
        Assert.Equal("uname", db02.Fields.Get("command"));
        Assert.Equal("db02", db02.Host);
    }

    [Fact]
    public void HexArgumentsWithSpacesQuotesAndNewlinesAreDecodedAndQuotedInTheCommand()
    {
        var text = Syscall(5) + "\n" + $"type=EXECVE msg=audit(1709349302.481:5): argc=3 a0=\"echo\" a1={Hex("a b")} a2={Hex("say \"hi\"\nbye")}\n";
        var e = Assert.Single(ParserHarness.ParseText(Parser, text).Events);
        Assert.Equal("a b", e.Fields.Get("a1"));
        Assert.Equal("say \"hi\"\nbye", e.Fields.Get("a2"));
        Assert.Equal("echo \"a b\" \"say \\\"hi\\\"\nbye\"", e.Fields.Get("command"));
        Assert.Equal(AuditEvents.Exec, e.Fields.Get("event"));
        // The SYSCALL's register arguments do not overwrite the argv.
        Assert.Equal("55d1", e.Fields.Get("syscall.a0"));
        Assert.Equal("echo", e.Fields.Get("a0"));
    }

    [Fact]
    public void A100KilobyteArgumentInPiecesOverSeveralExecveRecordsIsJoined()
    {
        var argument = string.Concat(Enumerable.Repeat("0123456789", 10_000));
        var hex = Hex(argument);
        var lines = new List<string> { Syscall(7), $"type=EXECVE msg=audit(1709349302.481:7): argc=2 a0=\"python3\" a1_len={hex.Length}" };
        for (int i = 0, piece = 0; i < hex.Length; i += 7500, piece++)
            lines.Add($"type=EXECVE msg=audit(1709349302.481:7): a1[{piece}]={hex.Substring(i, Math.Min(7500, hex.Length - i))}");
        var outcome = ParserHarness.ParseText(Parser, string.Join("\n", lines) + "\n");
        Assert.Empty(outcome.Warnings);
        var e = Assert.Single(outcome.Events);
        Assert.Equal(argument, e.Fields.Get("a1"));
        Assert.Equal("python3 " + argument, e.Fields.Get("command"));
        Assert.True(e.Message.Length <= Bounds.AuditMessageChars + 40, "the message is bounded");
    }

    [Fact]
    public void AMissingArgumentIsWarnedWithTheLineOfTheEvent()
    {
        var text = "garbage\n" + Syscall(8) + "\ntype=EXECVE msg=audit(1709349302.481:8): argc=3 a0=\"ls\" a2=\"x\"\n";
        var outcome = ParserHarness.ParseText(Parser, text);
        Assert.Single(outcome.Events);
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 1 && w.Message.Contains("not an audit record"));
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 2 && w.Message.Contains("1 of argc=3 arguments never seen"));
    }

    [Fact]
    public void AnArgumentIndexFarPastTheInputGivesABoundedCommandLineAndAWarning()
    {
        // Found by afl (Fuzz/regressions/audit): the index is input, so the argv claims 164 million
        // (empty) arguments; the command line stops at its bound instead of holding them all.
        var text = Syscall(12) + "\ntype=EXECVE msg=audit(1709349302.481:12): argc=3 a0=\"chmod\" a164312552=\"/tmp/x\"\n";
        var outcome = ParserHarness.ParseText(Parser, text);
        var e = Assert.Single(outcome.Events);
        Assert.Equal("chmod", e.Fields.Get("a0"));
        Assert.StartsWith("chmod \"\" \"\"", e.Fields.Get("command"));
        Assert.Equal(Bounds.AuditCommandChars + 1, e.Fields.Get("command")!.Length);
        Assert.Contains(outcome.Warnings, w => w.Message.Contains($"longer than {Bounds.AuditCommandChars} characters"));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("164312553 arguments"));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("2 of argc=3 arguments never seen"));
    }

    [Fact]
    public void AnArgcFarPastTheArgumentsSeenIsCountedFromTheArgumentsSeen()
    {
        var text = Syscall(13) + "\ntype=EXECVE msg=audit(1709349302.481:13): argc=2147483647 a0=\"chmod\" a1=\"+x\"\n";
        var outcome = ParserHarness.ParseText(Parser, text);
        Assert.Equal("chmod +x", Assert.Single(outcome.Events).Fields.Get("command"));
        Assert.Contains(outcome.Warnings, w => w.Message.Contains("2147483645 of argc=2147483647 arguments never seen"));
    }

    [Fact]
    public void ASerialThatNeverEndsIsCutAtTheBoundWithAWarningAndNothingIsLost()
    {
        var count = Bounds.AuditRecordsPerEvent + 10;
        var lines = Enumerable.Range(0, count).Select(_ => "type=CWD msg=audit(1709349302.481:9): cwd=\"/\"");
        var outcome = ParserHarness.ParseText(Parser, string.Join("\n", lines) + "\n");
        Assert.Equal(2, outcome.Events.Count);
        Assert.Contains(outcome.Warnings, w => w.Message.Contains($"reached {Bounds.AuditRecordsPerEvent} records"));
        // The rest of the serial forms the second event: no record is dropped.
        Assert.Equal(count - Bounds.AuditRecordsPerEvent, outcome.Events[1].Fields.Get("records")!.Split(' ').Length);
    }

    [Fact]
    public void EventsCloseAfterTheLineDistanceSoOpenEventsStayBounded()
    {
        var joiner = new AuditEventJoiner();
        var closed = 0;
        for (var i = 1; i <= 10_000; i++)
        {
            var record = AuditLine.TryRead($"type=CWD msg=audit(1709349302.481:{i}): cwd=\"/\"", i, out _)!;
            closed += joiner.Add(record).Count();
            Assert.True(joiner.OpenCount <= Bounds.AuditGroupLines + 1);
        }
        Assert.Equal(10_000, closed + joiner.Finish().Count());
    }

    [Fact]
    public void AnOldKernelsLoginRecordKeepsTheNewLoginUid()
    {
        var line = "type=LOGIN msg=audit(1337845201.174:94983): pid=25443 uid=0 old auid=4294967295 new auid=0 old ses=4294967295 new ses=1165";
        var e = Assert.Single(ParserHarness.ParseText(Parser, line + "\n").Events);
        Assert.Equal("0", e.Fields.Get("auid"));
        Assert.Equal("4294967295", e.Fields.Get("old-auid"));
        Assert.Equal("1165", e.Fields.Get("ses"));
        Assert.Equal(AuditEvents.Login, e.Fields.Get("event"));
    }

    [Theory]
    [InlineData("02000D05CB00710900000000000000000", null, null)] // odd length: not hex bytes
    [InlineData("02000D05CB007109", "203.0.113.9", "3333")]
    [InlineData("0A000D050000000020010DB8000000000000000000000009", "2001:db8::9", "3333")]
    public void AConnectsSocketAddressGivesTheDestination(string saddr, string? ip, string? port)
    {
        var text = Syscall(6, number: 42) + $"\ntype=SOCKADDR msg=audit(1709349302.481:6): saddr={saddr}\n";
        var e = Assert.Single(ParserHarness.ParseText(Parser, text).Events);
        Assert.Equal("connect", e.Fields.Get("syscall"));
        Assert.Equal(ip, e.Fields.Get("dst_ip"));
        Assert.Equal(port, e.Fields.Get("dst_port"));
        Assert.Equal(saddr, e.Fields.Get("saddr"));
    }

    [Fact]
    public void ARecordArrivingAfterItsEventClosedIsASeparateEventWithAWarning()
    {
        var lines = new List<string> { Syscall(1) };
        for (var i = 2; i < Bounds.AuditGroupLines + 10; i++) lines.Add(Syscall(i));
        lines.Add("type=EXECVE msg=audit(1709349302.481:1): argc=1 a0=\"late\"");
        var outcome = ParserHarness.ParseText(Parser, string.Join("\n", lines) + "\n");
        Assert.Equal(lines.Count, outcome.Events.Count);
        var late = Assert.Single(outcome.Warnings, w => w.Message.Contains("already closed"));
        Assert.Equal(lines.Count, late.Origin.Position);
    }

    [Theory]
    [InlineData("c000003e", 59, "x86_64", "execve")]
    [InlineData("c00000b7", 221, "aarch64", "execve")]
    [InlineData("40000003", 11, "i386", "execve")]
    [InlineData("c000003e", 257, "x86_64", "openat")]
    public void SyscallNumbersAreNamedPerArchitecture(string arch, int number, string archName, string name)
    {
        var e = Assert.Single(ParserHarness.ParseText(Parser, Syscall(3, arch: arch, number: number) + "\n").Events);
        Assert.Equal(archName, e.Fields.Get("arch"));
        Assert.Equal(name, e.Fields.Get("syscall"));
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Fields.Get("syscall_nr"));
    }

    [Fact]
    public void TheUserIsTheLoginUidThatSurvivesSudoByItsEnrichedName()
    {
        var enriched = Syscall(4, "\u001dARCH=x86_64 SYSCALL=execve AUID=\"alice\" UID=\"root\"");
        var e = Assert.Single(ParserHarness.ParseText(Parser, enriched + "\n").Events);
        Assert.Equal("alice", e.Fields.Get("user"));
        Assert.Equal("0", e.Fields.Get("uid"));
        var unset = Syscall(5).Replace("auid=1001", "auid=4294967295", StringComparison.Ordinal) + "\u001dAUID=\"unset\" UID=\"root\"";
        Assert.Equal("root", Assert.Single(ParserHarness.ParseText(Parser, unset + "\n").Events).Fields.Get("user"));
    }

    [Fact]
    public void AnEnrichedPartWhoseSeparatorWasLostIsStillReadAsEnriched()
    {
        var line = "type=ANOM_ABEND msg=audit(1696431282.553:8283): auid=1000 uid=1000 ses=417 pid=192019 comm=\"su\" exe=\"/usr/bin/su\" sig=11 res=1AUID=\"bui\" UID=\"bui\"";
        var e = Assert.Single(ParserHarness.ParseText(Parser, line + "\n").Events);
        Assert.Equal("1", e.Fields.Get("res"));
        Assert.Equal("bui", e.Fields.Get("user"));
        Assert.Equal(AuditEvents.Anomaly, e.Fields.Get("event"));
    }

    [Fact]
    public void UserSpaceRecordsUnpackTheirMsgAndNameTheAccountTriedFromTheAddress()
    {
        var line = "type=USER_AUTH msg=audit(1709349302.120:4101): pid=2201 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct=\"o'brien\" exe=\"/usr/sbin/sshd\" hostname=? addr=203.0.113.50 terminal=ssh res=failed'";
        var outcome = ParserHarness.ParseText(Parser, line + "\n");
        Assert.Empty(outcome.Warnings);
        var e = Assert.Single(outcome.Events);
        Assert.Equal(AuditEvents.Auth, e.Fields.Get("event"));
        Assert.Equal("o'brien", e.Fields.Get("user"));
        Assert.Equal("203.0.113.50", e.Fields.Get("src_ip"));
        Assert.Equal("no", e.Fields.Get("success"));
        Assert.Null(e.Fields.Get("hostname"));
    }

    [Fact]
    public void ARecordCutShortIsWarnedAndWhatItHoldsIsKept()
    {
        var outcome = ParserHarness.ParseText(Parser, "type=USER_CMD msg=audit(1709349302.1:1): pid=1 uid=0 auid=0 msg='cwd=\"/root\" cmd=\"id\ntype=SYSCALL msg=audit(17093\n");
        var e = Assert.Single(outcome.Events);
        Assert.Equal("/root", e.Fields.Get("cwd"));
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 1 && w.Message.Contains("cut short"));
        Assert.Contains(outcome.Warnings, w => w.Origin.Position == 2);
    }

    [Theory]
    [InlineData("type=SYSCALL msg=audit(1709349302.481:1): arch=c000003e", 97)]
    [InlineData("node=web01 type=EXECVE msg=audit(1709349302.481:1): argc=1 a0=\"id\"", 97)]
    [InlineData("Mar  2 03:15:02 web01 sshd[1]: Accepted password for root", 0)]
    public void SniffRecognisesAuditLines(string line, int score)
    {
        var sample = new Timeline.Core.Ingest.SniffSample("audit.log", System.Text.Encoding.UTF8.GetBytes(line), [line]);
        Assert.Equal(score, Parser.Sniff(sample));
    }
}
