using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Parsers.Linux.Syslog;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Syslog;

public sealed class YearInferenceTests
{
    private static DateTime Local(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void DecemberToJanuaryIncrementsTheYear()
    {
        var years = new YearInference(2024);
        Assert.Equal([2024, 2024, 2025, 2025], new[] { 12, 12, 1, 1 }.Select(years.Next));
    }

    [Fact]
    public void SmallBackwardStepsAreToleratedAsOutOfOrderLines()
    {
        var years = new YearInference(2023);
        Assert.Equal([2023, 2023, 2023, 2023], new[] { 4, 5, 4, 5 }.Select(years.Next));
    }

    [Fact]
    public void LateDecemberLineAfterRolloverStaysInTheOldYear()
    {
        var years = new YearInference(2024);
        Assert.Equal([2024, 2025, 2024, 2025], new[] { 12, 1, 12, 1 }.Select(years.Next));
    }

    [Fact]
    public void BaseYearPlacesTheLastLineAtOrBeforeTheMtime()
    {
        Assert.Equal(2024, YearInference.InferBaseYear([12, 12, 1], Local("2025-01-02T10:00:00")));
        Assert.Equal(2024, YearInference.InferBaseYear([11, 12], Local("2025-01-01T00:00:00")));
        Assert.Equal(2025, YearInference.InferBaseYear([3, 6], Local("2025-06-30T12:00:00")));
        Assert.Equal(2022, YearInference.InferBaseYear([12, 1, 6, 12, 1], Local("2024-03-01T00:00:00")));
        Assert.Null(YearInference.InferBaseYear([], Local("2025-01-01T00:00:00")));
    }

    [Fact]
    public void TraditionalFileSpanningNewYearGetsBothYearsFromMtime()
    {
        var outcome = SyslogLines.Parse(
            "Dec 31 23:59:58 web01 sshd[1]: Invalid user a from 203.0.113.45 port 1\n" +
            "Jan  1 00:00:02 web01 sshd[1]: Invalid user b from 203.0.113.45 port 2\n",
            SyslogLines.Context("2025-01-02T10:00:00Z"));
        Assert.Equal(["2024-12-31T23:59:58.0000000Z", "2025-01-01T00:00:02.0000000Z"], outcome.Events.Select(e => TimeText.Format(e.Ticks!.Value)));
        Assert.All(outcome.Events, e => Assert.Equal(TimeQuality.YearInferred | TimeQuality.ZoneAssumed, e.TimeQuality));
    }

    [Fact]
    public void FileWrittenJustAfterMidnightOnNewYearKeepsDecemberLinesInTheOldYear()
    {
        var outcome = SyslogLines.Parse("Dec 31 23:59:59 web01 CRON[1]: (root) CMD (x)\n", SyslogLines.Context("2025-01-01T00:00:00Z"));
        Assert.Equal("2024-12-31T23:59:59.0000000Z", TimeText.Format(outcome.Events[0].Ticks!.Value));
    }

    [Fact]
    public void LeapDayIsReadInALeapYear()
    {
        var outcome = SyslogLines.Parse("Feb 29 12:00:00 web01 CRON[1]: (root) CMD (x)\nMar  1 00:00:00 web01 CRON[1]: (root) CMD (y)\n",
            SyslogLines.Context("2024-03-05T00:00:00Z"));
        Assert.Empty(outcome.Warnings);
        Assert.Equal("2024-02-29T12:00:00.0000000Z", TimeText.Format(outcome.Events[0].Ticks!.Value));
    }

    [Fact]
    public void LeapDayInANonLeapYearIsKeptUntimedWithAWarning()
    {
        var outcome = SyslogLines.Parse("Feb 29 12:00:00 web01 CRON[1]: (root) CMD (x)\n", SyslogLines.Context("2025-03-05T00:00:00Z"));
        var e = Assert.Single(outcome.Events);
        Assert.Null(e.Ticks);
        Assert.Equal("linux/cron", e.Parser);
        Assert.Contains("does not exist", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void OutOfOrderAprilMayAprilDoesNotChangeTheYear()
    {
        var outcome = SyslogLines.Parse(
            "Apr 30 23:59:59 web01 CRON[1]: (root) CMD (a)\nMay  1 00:00:01 web01 CRON[1]: (root) CMD (b)\nApr 30 23:59:59 web01 CRON[1]: (root) CMD (c)\n",
            SyslogLines.Context("2023-05-02T00:00:00Z"));
        Assert.All(outcome.Events, e => Assert.Equal(2023, e.TimeUtc!.Value.Year));
    }

    [Fact]
    public void YearOptionIsTheYearOfTheFirstLineAndStillMarkedInferred()
    {
        var outcome = SyslogLines.Parse(
            "Dec 31 23:59:58 web01 CRON[1]: (root) CMD (a)\nJan  1 00:00:02 web01 CRON[1]: (root) CMD (b)\n",
            SyslogLines.Context("2030-06-01T00:00:00Z", year: 2019));
        Assert.Equal([2019, 2020], outcome.Events.Select(e => e.TimeUtc!.Value.Year));
        Assert.All(outcome.Events, e => Assert.True(e.TimeQuality.HasFlag(TimeQuality.YearInferred)));
    }

    [Fact]
    public void MixedTraditionalAndRfc3339LinesEachKeepTheirOwnTime()
    {
        var outcome = SyslogLines.Parse(
            "Dec 30 10:00:00 web01 CRON[1]: (root) CMD (a)\n" +
            "2024-12-31T10:00:00.123456+00:00 web01 CRON[2]: (root) CMD (b)\n" +
            "Jan  2 10:00:00 web01 CRON[3]: (root) CMD (c)\n",
            SyslogLines.Context("2025-01-03T00:00:00Z"));
        Assert.Equal(["2024-12-30T10:00:00.0000000Z", "2024-12-31T10:00:00.1234560Z", "2025-01-02T10:00:00.0000000Z"],
            outcome.Events.Select(e => TimeText.Format(e.Ticks!.Value)));
        Assert.Equal([TimeQuality.YearInferred | TimeQuality.ZoneAssumed, TimeQuality.Exact, TimeQuality.YearInferred | TimeQuality.ZoneAssumed],
            outcome.Events.Select(e => e.TimeQuality));
    }

    [Fact]
    public void PreScanSeesExactlyTheLinesTheParserTreatsAsTraditional()
    {
        var text = "Dec 31 23:00:00 h a: x\r\n<13>Jan  1 00:00:00 h a: x\nnot a line\nJan  1 00:00:00  two-spaces\n" + new string('x', 70_000) + "\nFeb  1 00:00:00 h";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal([12, 1, 2], TraditionalMonthScan.Months(stream));
    }
}
