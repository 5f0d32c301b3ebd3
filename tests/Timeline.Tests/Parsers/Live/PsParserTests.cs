using Timeline.Core.Events;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Live.Ps;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Live;

/// <summary>ps rows that an attacker shaped or a collector cut: warnings with line numbers, the other rows still read.</summary>
public sealed class PsParserTests
{
    private static readonly PsParser Parser = new();
    private const string AuxHeader = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n";
    private const string Miner = "nobody     988 97.0  0.1  19236 14524 ?        Rs   12:18  41:07 /tmp/.x/kswapd0 -o pool.example.net:3333\n";

    [Fact]
    public void TheCommandLineIsTheRestOfTheLineWithItsTabsAndControlCharacters()
    {
        var outcome = ParserHarness.ParseText(Parser, AuxHeader + "root       700  0.0  0.0   1000   200 pts/0    S    12:00   0:00 sh -c a\tb\u0001c   d\n");

        var e = Assert.Single(outcome.Events);
        Assert.Equal("sh -c a\tb\u0001c   d", e.Fields.Get(FieldNames.Command));
        Assert.Equal("pts/0", e.Fields.Get(FieldNames.Tty));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void TenKilobytesOfArgumentsAreKept()
    {
        var args = new string('A', 10 * 1024);
        var outcome = ParserHarness.ParseText(Parser, AuxHeader + Miner.TrimEnd('\n') + " " + args + "\n");

        Assert.EndsWith(args, Assert.Single(outcome.Events).Fields.Get(FieldNames.Command), StringComparison.Ordinal);
    }

    [Fact]
    public void AUserNameWithSpacesShiftsTheColumnsAndIsWarnedTheOtherRowsAreRead()
    {
        var outcome = ParserHarness.ParseText(Parser, AuxHeader + "evil user  701  0.0  0.0   1000   200 ?        S    12:00   0:00 sleep 1\n" + Miner);

        Assert.Equal("988", Assert.Single(outcome.Events).Fields.Get(FieldNames.Pid));
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(2, warning.Origin.Position);
        Assert.Contains("not a process id", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlusCutOrNumericUserIsKeptAsPrinted()
    {
        var outcome = ParserHarness.ParseText(Parser, "UID          PID    PPID  C STIME TTY          TIME CMD\nsystemd+     512       1  0 09:13 ?        00:00:00 /lib/systemd/systemd-resolved\n1001         988       1 97 12:18 ?        00:41:07 ./kswapd0\n");

        Assert.Equal("systemd+", outcome.Events[0].Fields.Get(FieldNames.User));
        Assert.Equal("1001", outcome.Events[1].Fields.Get(FieldNames.Uid));
        Assert.Null(outcome.Events[1].Fields.Get(FieldNames.User));
    }

    [Fact]
    public void ARowCutShortIsWarnedWithItsLine()
    {
        var outcome = ParserHarness.ParseText(Parser, AuxHeader + Miner + "root       702  0.0\n" + Miner);

        Assert.Equal(2, outcome.Events.Count);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(3, warning.Origin.Position);
        Assert.Contains("cut short", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderOnlyFileIsWarned()
    {
        var outcome = ParserHarness.ParseText(Parser, AuxHeader);

        Assert.Empty(outcome.Events);
        Assert.Contains("no rows", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GarbageAfterTheTableIsWarnedLineByLine()
    {
        var outcome = ParserHarness.ParseText(Parser, AuxHeader + Miner + "\n=== end of ps ===\nsome trailing junk\n");

        Assert.Single(outcome.Events);
        Assert.Equal([4L, 5L], outcome.Warnings.Select(w => w.Origin.Position));
    }

    [Fact]
    public void ABracketedNameWithUserMemoryIsNotTakenForAKernelThread()
    {
        var outcome = ParserHarness.ParseText(Parser, AuxHeader
            + "root        45  0.0  0.0      0     0 ?        S    09:13   0:00 [kswapd0]\n"
            + "root       988 97.0  0.1  19236 14524 ?        Rs   12:18  41:07 [kswapd0]\n");

        Assert.Equal("true", outcome.Events[0].Fields.Get(FieldNames.KernelThread));
        Assert.Equal("false", outcome.Events[1].Fields.Get(FieldNames.KernelThread));
        Assert.Contains("not a kernel thread", outcome.Events[1].Fields.Get(FieldNames.Problem), StringComparison.Ordinal);
        Assert.Equal("kswapd0", outcome.Events[1].Fields.Get(FieldNames.Process));
    }

    [Fact]
    public void ABracketedNameWhoseParentIsNotKthreaddIsNotAKernelThread()
    {
        var outcome = ParserHarness.ParseText(Parser, "  PID  PPID USER     COMMAND\n   45     2 root     [kswapd0]\n  988     1 root     [kswapd0]\n");

        Assert.Equal(["true", "false"], outcome.Events.Select(e => e.Fields.Get(FieldNames.KernelThread)));
    }

    [Fact]
    public void RowsAreStampedWithTheCollectionTimeWhenKnownElseTheFileMtime()
    {
        var collected = new DateTimeOffset(2026, 12, 2, 12, 18, 5, TimeSpan.Zero);
        var withCollection = ParserHarness.ParseText(Parser, AuxHeader + Miner, settings: new SampleContext(SampleContext.DefaultMtime, null, "UTC", null, "h", collected));
        var withoutCollection = ParserHarness.ParseText(Parser, AuxHeader + Miner);

        Assert.Equal(collected.UtcTicks, withCollection.Events[0].Ticks);
        Assert.Equal(TimeQuality.Snapshot, withCollection.Events[0].TimeQuality);
        Assert.Equal(SampleContext.DefaultMtime.UtcTicks, withoutCollection.Events[0].Ticks);
        Assert.Equal(TimeQuality.Snapshot | TimeQuality.FileMtime, withoutCollection.Events[0].TimeQuality);
        Assert.Equal("sample-host", withoutCollection.Events[0].Host);
    }
}
