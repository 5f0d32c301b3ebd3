using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Output;
using Timeline.Parsers.Linux.Syslog;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Syslog;

public sealed class SyslogParserTests
{
    [Fact]
    public void TimezoneOptionConvertsWinterLocalTimeToUtcAndMarksZoneAssumed()
    {
        var outcome = SyslogLines.Parse("Jan 15 10:00:00 web01 CRON[1]: (root) CMD (x)\n", SyslogLines.Context("2024-02-01T00:00:00Z", "Europe/Berlin"));
        var e = Assert.Single(outcome.Events);
        Assert.Equal("2024-01-15T09:00:00.0000000Z", TimeText.Format(e.Ticks!.Value));
        Assert.True(e.TimeQuality.HasFlag(TimeQuality.ZoneAssumed));
    }

    [Fact]
    public void TimezoneOptionUsesSummerOffsetInSummer()
    {
        var outcome = SyslogLines.Parse("Jul 15 10:00:00 web01 CRON[1]: (root) CMD (x)\n", SyslogLines.Context("2024-08-01T00:00:00Z", "Europe/Berlin"));
        Assert.Equal("2024-07-15T08:00:00.0000000Z", TimeText.Format(outcome.Events[0].Ticks!.Value));
    }

    [Fact]
    public void TimeInsideSpringForwardGapIsShiftedForwardWithOneWarningPerFile()
    {
        // Europe/Berlin 2024-03-31: 02:00 CET jumps to 03:00 CEST; 02:30 never happened.
        var outcome = SyslogLines.Parse(
            "Mar 31 02:30:00 web01 CRON[1]: (root) CMD (a)\nMar 31 02:45:00 web01 CRON[1]: (root) CMD (b)\nMar 31 03:30:00 web01 CRON[1]: (root) CMD (c)\n",
            SyslogLines.Context("2024-04-01T00:00:00Z", "Europe/Berlin"));
        Assert.Equal(["2024-03-31T01:30:00.0000000Z", "2024-03-31T01:45:00.0000000Z", "2024-03-31T01:30:00.0000000Z"],
            outcome.Events.Select(e => TimeText.Format(e.Ticks!.Value)));
        Assert.Contains("daylight-saving gap", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void AmbiguousAutumnTimeTakesTheEarlierInstant()
    {
        // Europe/Berlin 2024-10-27: 03:00 CEST falls back to 02:00 CET; 02:30 happened twice.
        var outcome = SyslogLines.Parse("Oct 27 02:30:00 web01 CRON[1]: (root) CMD (a)\n", SyslogLines.Context("2024-11-01T00:00:00Z", "Europe/Berlin"));
        Assert.Equal("2024-10-27T00:30:00.0000000Z", TimeText.Format(outcome.Events[0].Ticks!.Value));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void JunkLineIsKeptInPlaceAsOrderOnlyEventWithAWarning()
    {
        var outcome = SyslogLines.Parse(
            "Mar  2 03:15:02 web01 sshd[1]: Invalid user a from 203.0.113.45 port 1\n" +
            "\tat java.lang.Thread.run(Thread.java:750)\n" +
            "\n   \n" +
            "Mar  2 03:15:03 web01 sshd[1]: Invalid user b from 203.0.113.45 port 2\n");
        Assert.Equal(3, outcome.Events.Count);
        var junk = outcome.Events[1];
        Assert.Null(junk.Ticks);
        Assert.Equal(TimeQuality.OrderOnly, junk.TimeQuality);
        Assert.Equal("linux/syslog", junk.Parser);
        Assert.Equal("\tat java.lang.Thread.run(Thread.java:750)", junk.Message);
        Assert.Equal(outcome.Events[0].Ticks, junk.SortTicks);
        Assert.Equal("web01", junk.Host);
        Assert.Equal(2, junk.Origin.Position);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(2, warning.Origin.Position);
        Assert.Contains("no syslog header", warning.Message);
        Assert.Equal(4 + 1, outcome.Events[2].Origin.Position);
    }

    [Fact]
    public void CrlfLineEndsAreNotPartOfTheMessage()
    {
        var outcome = SyslogLines.Parse("Mar  2 03:15:02 web01 sshd[1]: Accepted password for root from 203.0.113.45 port 40112 ssh2\r\n");
        var e = Assert.Single(outcome.Events);
        Assert.Empty(outcome.Warnings);
        Assert.EndsWith("ssh2", e.Message);
        Assert.Equal("ssh_accepted", e.Fields.Get("event"));
    }

    [Fact]
    public void InvalidUtf8IsKeptEscapedWithAWarningAndTheLineStillParses()
    {
        var bytes = Encoding.UTF8.GetBytes("Mar  2 03:15:02 web01 sshd[1]: Invalid user ad\u0001min from 203.0.113.45 port 1\n").ToList();
        bytes.Insert(bytes.IndexOf((byte)'\u0001'), 0xFF);
        var outcome = Timeline.Tests.Support.ParserHarness.ParseBytes(SyslogLines.Parser, [.. bytes]);
        var e = Assert.Single(outcome.Events);
        Assert.Equal("ad\\xFF\u0001min", e.Fields.Get("user"));
        Assert.Contains("not valid UTF-8", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void HostOptionOverridesTheHostInTheLine()
    {
        var settings = new Timeline.Tests.Support.SampleContext(Timeline.Tests.Support.SampleContext.DefaultMtime, null, "UTC", "evidence-host", "x");
        var outcome = SyslogLines.Parse("Mar  2 03:15:02 web01 sshd[1]: x\n", settings);
        Assert.Equal("evidence-host", outcome.Events[0].Host);
    }

    [Fact]
    public void SniffScoresMostlySyslogHighAndBinaryOrOtherTextZeroOrLow()
    {
        static SniffSample Sample(string text) => new("x.log", Encoding.UTF8.GetBytes(text), text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(90, SyslogLines.Parser.Sniff(Sample("Mar  2 03:15:02 web01 sshd[1]: a\nMar  2 03:15:03 web01 sshd[1]: b\n")));
        Assert.Equal(80, SyslogLines.Parser.Sniff(Sample("Mar  2 03:15:02 web01 sshd[1]: a\nMar  2 03:15:03 web01 sshd[1]: b\njunk\n")));
        Assert.True(SyslogLines.Parser.Sniff(Sample("ls -la\ncd /tmp\nwget http://x\n")) < 10);
        Assert.Equal(0, SyslogLines.Parser.Sniff(new SniffSample("x", [0x1F, 0x00, 0x41], ["Mar  2 03:15:02 web01 sshd[1]: a"])));
    }

    [Fact]
    public void EveryGrammarIsFoundAndEveryProgramHasOneGrammar()
    {
        var table = SyslogGrammarTable.Default;
        Assert.Contains("sshd-session", table.Programs);
        Assert.Contains("crontab", table.Programs);
        Assert.Contains("systemd-logind", table.Programs);
        Assert.Equal("linux/auth", table.For("anything", "pam_unix(x:session): session closed for user root").EventParser);
        Assert.Equal("linux/syslog", table.For("kernel", "hello").EventParser);
    }

    [Fact]
    public void GrammarsClaimingTheSameProgramAreRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SyslogGrammarTable([new GenericSyslogGrammar(), new Timeline.Parsers.Linux.Auth.SudoGrammar(), new Timeline.Parsers.Linux.Auth.SudoGrammar()]));
        Assert.Contains("sudo", error.Message);
    }
}
