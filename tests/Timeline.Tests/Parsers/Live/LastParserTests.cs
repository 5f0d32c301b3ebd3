using Timeline.Core.Events;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Live.Last;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Live;

public sealed class LastParserTests
{
    private static readonly LastParser Parser = new();

    [Fact]
    public void BtmpOutputIsFailedLoginsAndAUserNameWithSpacesIsKept()
    {
        var outcome = ParserHarness.ParseText(Parser,
            "admin test ssh:notty    203.0.113.45     Mon Nov 30 03:14:01 2026 - Mon Nov 30 03:14:01 2026  (00:00)\n\nbtmp begins Mon Nov 30 03:14:01 2026\n");

        var e = Assert.Single(outcome.Events);
        Assert.Equal(LiveStateEvents.FailedLogin, e.Fields.Get(FieldNames.Event));
        Assert.Equal("admin test", e.Fields.Get(FieldNames.User));
        Assert.Equal("203.0.113.45", e.Fields.Get(FieldNames.SrcIp));
        Assert.Equal(new DateTime(2026, 11, 30, 3, 14, 1, DateTimeKind.Utc), e.TimeUtc);
        Assert.Equal(TimeQuality.ZoneAssumed, e.TimeQuality);
    }

    [Fact]
    public void WithoutATrailerTheNewestRowIsPlacedAtOrBeforeTheCollectionTime()
    {
        var collected = new DateTimeOffset(2027, 1, 3, 0, 0, 0, TimeSpan.Zero);
        var outcome = ParserHarness.ParseText(Parser,
            "root     pts/0        203.0.113.45     Sat Jan  2 09:12 - 09:40  (00:28)\nalice    pts/1        198.51.100.7     Thu Dec 31 22:00   still logged in\n",
            settings: new SampleContext(SampleContext.DefaultMtime, null, "UTC", null, "h", collected));

        Assert.Equal([2027, 2026], outcome.Events.Select(e => e.TimeUtc!.Value.Year));
        Assert.All(outcome.Events, e => Assert.True(e.TimeQuality.HasFlag(TimeQuality.YearInferred)));
        Assert.Equal("still logged in", outcome.Events[1].Fields.Get(FieldNames.State));
    }

    [Fact]
    public void ALineWithoutALoginTimeIsWarnedAndTheRestIsRead()
    {
        var outcome = ParserHarness.ParseText(Parser,
            "root     pts/1        203.0.113.45     Mon Nov 30 03:15:02 2026 - Mon Nov 30 03:27:41 2026  (00:12)\ngarbage here\n\nwtmp begins Sat Nov 28 08:01:12 2026\n");

        Assert.Single(outcome.Events);
        Assert.Equal(2, Assert.Single(outcome.Warnings).Origin.Position);
    }
}
