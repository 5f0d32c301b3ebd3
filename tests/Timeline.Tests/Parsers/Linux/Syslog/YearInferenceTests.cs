using System.Globalization;
using CsCheck;
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

    // Stryker survivor (year-inference run): the step back from a January rollover must not apply before any rollover.
    [Fact]
    public void DecemberAfterAFirstJanuaryLineStaysInTheSameYear()
    {
        var years = new YearInference(2024);
        Assert.Equal([2024, 2024, 2025], new[] { 1, 12, 1 }.Select(years.Next));
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
        Assert.Equal(2024, YearInference.InferBaseYear(Months(12, 12, 1), Local("2025-01-02T10:00:00")));
        Assert.Equal(2024, YearInference.InferBaseYear(Months(11, 12), Local("2025-01-01T00:00:00")));
        Assert.Equal(2025, YearInference.InferBaseYear(Months(3, 6), Local("2025-06-30T12:00:00")));
        Assert.Equal(2022, YearInference.InferBaseYear(Months(12, 1, 6, 12, 1), Local("2024-03-01T00:00:00")));
        Assert.Null(YearInference.InferBaseYear([], Local("2025-01-01T00:00:00")));
    }

    // Lines on the 1st of their month at midnight: the month alone decides, as before the day was looked at.
    private static TraditionalStamp[] Months(params int[] months) => months.Select(m => new TraditionalStamp(m, 1, 0)).ToArray();

    /// <summary>
    /// Issue 15 item 3: the month-only comparison put a last line of 31 May into the year of an mtime of 2 May,
    /// four weeks after the file was last written. The whole stamp decides; a few hours past the mtime (a zone
    /// assumed wrongly) keep the year.
    /// </summary>
    [Fact]
    public void TheLastLineIsPlacedBeforeTheMtimeByItsDayAndTimeNotOnlyItsMonth()
    {
        var may31 = new TraditionalStamp(5, 31, TimeSpan.FromHours(10).Ticks);
        Assert.Equal(2024, YearInference.InferBaseYear([may31], Local("2025-05-02T08:00:00")));
        Assert.Equal(2025, YearInference.InferBaseYear([may31], Local("2025-05-31T10:00:00")));
        // Nine hours after the mtime: a zone error, not a year; the ingest warns about events after the mtime.
        Assert.Equal(2025, YearInference.InferBaseYear([may31], Local("2025-05-31T01:00:00")));
        // 27 hours after: beyond any zone difference.
        Assert.Equal(2024, YearInference.InferBaseYear([may31], Local("2025-05-30T07:00:00")));
        // 29 February in a common mtime year compares as 28 February.
        Assert.Equal(2024, YearInference.InferBaseYear([new TraditionalStamp(2, 29, 0)], Local("2025-02-25T00:00:00")));
    }

    [Fact]
    public void ASyslogFileWhoseLastLineIsLaterInTheMtimesMonthGoesToTheYearBefore()
    {
        var outcome = SyslogLines.Parse("May 31 10:00:00 web01 CRON[1]: (root) CMD (x)\n", SyslogLines.Context("2025-05-02T08:00:00Z"));
        Assert.Equal("2024-05-31T10:00:00.0000000Z", TimeText.Format(outcome.Events[0].Ticks!.Value));
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

    // New Year seen from both sides of UTC, the file written just after local midnight: the mtime must be
    // read in --timezone. In Tokyo (UTC+9) the UTC mtime is still 31 December, so reading it unconverted
    // puts the January line a year early.
    [Theory]
    [InlineData("Asia/Tokyo", "2024-12-31T15:30:00Z", "2024-12-31T14:59:58.0000000Z", "2024-12-31T15:10:00.0000000Z")]
    [InlineData("America/New_York", "2025-01-01T05:30:00Z", "2025-01-01T04:59:58.0000000Z", "2025-01-01T05:10:00.0000000Z")]
    [InlineData("Pacific/Kiritimati", "2024-12-31T10:30:00Z", "2024-12-31T09:59:58.0000000Z", "2024-12-31T10:10:00.0000000Z")]
    [InlineData("Pacific/Pago_Pago", "2025-01-01T11:30:00Z", "2025-01-01T10:59:58.0000000Z", "2025-01-01T11:10:00.0000000Z")]
    public void MtimeJustAfterLocalMidnightOnNewYearIsReadInTheAnalystsZone(string zone, string mtimeUtc, string decemberUtc, string januaryUtc)
    {
        var outcome = SyslogLines.Parse(
            "Dec 31 23:59:58 web01 CRON[1]: (root) CMD (a)\nJan  1 00:10:00 web01 CRON[1]: (root) CMD (b)\n",
            SyslogLines.Context(mtimeUtc, zone));
        Assert.Empty(outcome.Warnings);
        Assert.Equal([decemberUtc, januaryUtc], outcome.Events.Select(e => TimeText.Format(e.Ticks!.Value)));
    }

    private static readonly string[] NewYearZones =
        ["UTC", "Asia/Tokyo", "Pacific/Kiritimati", "Australia/Sydney", "Asia/Kolkata", "Europe/Berlin", "America/New_York", "America/St_Johns", "Pacific/Pago_Pago", "Pacific/Honolulu"];

    /// <summary>
    /// Property: lines from the last hours of a year to just after local midnight, in any of several
    /// zones east and west of UTC, written (mtime) a few minutes after the last line: every line gets
    /// its own local date, converted to UTC through the zone.
    /// </summary>
    [Fact]
    public void LinesAcrossNewYearGetTheirLocalYearInEveryZone()
    {
        var gen = Gen.Select(Gen.Int[0, NewYearZones.Length - 1], Gen.Int[1990, 2090], Gen.Int[1, 600].Array[1, 12], Gen.Int[0, 30], Gen.Int[1, 180]);
        gen.Sample((zoneIndex, year, steps, afterMinutes, firstMinutesBefore) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(NewYearZones[zoneIndex]);
            var midnight = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            // Ascending local times from before midnight; the last one is moved just after midnight.
            var local = new List<DateTime> { midnight.AddMinutes(-firstMinutesBefore) };
            foreach (var s in steps) local.Add(local[^1].AddSeconds(s));
            if (local[^1] < midnight) local[^1] = midnight.AddSeconds(steps[^1] % 60);
            var mtimeLocal = local[^1].AddMinutes(afterMinutes);
            var mtime = new DateTimeOffset(mtimeLocal, zone.GetUtcOffset(mtimeLocal));
            var text = string.Concat(local.Select(t => t.ToString("MMM ", CultureInfo.InvariantCulture) + t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
                + t.ToString(" HH:mm:ss", CultureInfo.InvariantCulture) + " web01 CRON[1]: (root) CMD (x)\n"));
            var outcome = SyslogLines.Parse(text, SyslogLines.Context(mtime.ToString("o", CultureInfo.InvariantCulture), zone.Id));
            var expected = local.Select(t => TimeText.Format(TimeZoneInfo.ConvertTimeToUtc(t, zone).Ticks));
            return outcome.Warnings.Count == 0 && outcome.Events.Select(e => e.Ticks is { } k ? TimeText.Format(k) : "untimed").SequenceEqual(expected);
        }, iter: 500, print: t => $"zone {NewYearZones[t.Item1]} year {t.Item2} steps [{string.Join(",", t.Item3)}] after {t.Item4} min, first {t.Item5} min before midnight");
    }
}
