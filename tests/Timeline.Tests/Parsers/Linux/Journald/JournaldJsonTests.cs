using Timeline.Core.Output;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

public sealed class JournaldJsonTests
{
    private static ParseOutcome Parse(string jsonLines) => ParserHarness.ParseText(JournalExport.Parser, jsonLines, "journal.json");

    [Fact]
    public void OneObjectPerLineGivesOneEventPerLineWithTheLineAsPosition()
    {
        var outcome = Parse(
            """
            {"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1709349302481913","_HOSTNAME":"web03","SYSLOG_IDENTIFIER":"sshd","SYSLOG_PID":"7710","_SYSTEMD_UNIT":"ssh.service","MESSAGE":"Failed password for root from 198.51.100.77 port 60110 ssh2"}

            {"__REALTIME_TIMESTAMP":"1709349302481999","_HOSTNAME":"web03","SYSLOG_IDENTIFIER":"CRON","SYSLOG_PID":"7851","MESSAGE":"(root) CMD (/tmp/x)"}

            """);

        Assert.Empty(outcome.Warnings);
        Assert.Equal([1L, 3L], outcome.Events.Select(e => e.Origin.Position));
        var e = outcome.Events[0];
        Assert.Equal("2024-03-02T03:15:02.4819130Z", TimeText.Format(e.Ticks!.Value));
        Assert.Equal("web03", e.Host);
        Assert.Equal("linux/auth", e.Parser);
        Assert.Equal("sshd[7710]: Failed password for root from 198.51.100.77 port 60110 ssh2", e.Message);
        Assert.Equal("ssh.service", e.Fields.Get("unit"));
        Assert.Equal("linux/cron", outcome.Events[1].Parser);
    }

    [Fact]
    public void ByteArrayValueIsDecodedAndInvalidUtf8IsKeptAsHexEscapesWithAWarning()
    {
        // "Invalid user J\xF6rg from 203.0.113.9 port 4410"
        var bytes = string.Join(",", "Invalid user J?rg from 203.0.113.9 port 4410".Select(c => c == '?' ? 0xF6 : (int)c));
        var outcome = Parse($$"""{"__REALTIME_TIMESTAMP":"1709349302481913","SYSLOG_IDENTIFIER":"sshd","MESSAGE":[{{bytes}}]}""" + "\n");

        var e = Assert.Single(outcome.Events);
        Assert.Equal("sshd: Invalid user J\\xF6rg from 203.0.113.9 port 4410", e.Message);
        Assert.Equal("ssh_invalid_user", e.Fields.Get("event"));
        Assert.Contains("MESSAGE not valid UTF-8", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void ByteArrayWithControlCharactersIsValidTextAndNeedsNoWarning()
    {
        var outcome = Parse("""{"__REALTIME_TIMESTAMP":"1709349302481913","SYSLOG_IDENTIFIER":"app","MESSAGE":[27,91,49,109,97,10,98]}""" + "\n");

        Assert.Equal("app: \u001b[1ma\nb", Assert.Single(outcome.Events).Message);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void RepeatedFieldArrayKeepsItsFirstValueWhateverItsKind()
    {
        var outcome = Parse(
            """
            {"__REALTIME_TIMESTAMP":"1709349302481913","SYSLOG_IDENTIFIER":["sshd","decoy"],"_UDEV_DEVLINK":["/dev/a","/dev/b"],"MESSAGE":[[105,100],"second",null]}

            """);

        Assert.Empty(outcome.Warnings);
        Assert.Equal("sshd: id", Assert.Single(outcome.Events).Message);
    }

    [Fact]
    public void NullValueIsAnOmittedOversizeFieldAndIsWarnedAbout()
    {
        var outcome = Parse(
            """
            {"__REALTIME_TIMESTAMP":"1709349302481913","SYSLOG_IDENTIFIER":"kdevtmpfsi","_PID":"7833","_CMDLINE":null,"MESSAGE":null}

            """);

        var e = Assert.Single(outcome.Events);
        Assert.Equal("kdevtmpfsi[7833]:", e.Message);
        Assert.Null(e.Fields.Get("cmdline"));
        var warning = Assert.Single(outcome.Warnings);
        Assert.StartsWith("MESSAGE, _CMDLINE left out by journalctl", warning.Message);
        Assert.Contains("--all", warning.Message);
    }

    [Fact]
    public void LinesThatAreNotJournalObjectsAreSkippedWithOneWarningPerRun()
    {
        var outcome = Parse(
            """
            {"__REALTIME_TIMESTAMP":"1709349302481913","SYSLOG_IDENTIFIER":"CRON","MESSAGE":"(root) CMD (a)"}
            -- No entries --
            {"level":"info","msg":"not a journal"}
            [1,2,3]
            {"__REALTIME_TIMESTAMP":"17093493024819
            {"__REALTIME_TIMESTAMP":"1709349302481914","SYSLOG_IDENTIFIER":"CRON","MESSAGE":"(root) CMD (b)"}
            not json either

            """);

        Assert.Equal(["CRON: (root) CMD (a)", "CRON: (root) CMD (b)"], outcome.Events.Select(e => e.Message));
        Assert.Equal([2L, 7L], outcome.Warnings.Select(w => w.Origin.Position));
        Assert.All(outcome.Warnings, w => Assert.Contains("not a journal JSON entry", w.Message));
    }

    [Fact]
    public void JsonCutInTheMiddleOfTheLastObjectLosesOnlyThatLineWithAWarning()
    {
        var outcome = Parse(
            """{"__REALTIME_TIMESTAMP":"1709349302481913","SYSLOG_IDENTIFIER":"CRON","MESSAGE":"(root) CMD (a)"}""" + "\n" +
            """{"__REALTIME_TIMESTAMP":"1709349302481914","SYSLOG_IDENTIFIER":"CRON","MESSA""");

        Assert.Single(outcome.Events);
        Assert.Equal(2, Assert.Single(outcome.Warnings).Origin.Position);
    }

    [Fact]
    public void ByteOrderMarkBeforeTheFirstObjectIsIgnored()
    {
        var text = "\uFEFF" + """{"__REALTIME_TIMESTAMP":"1709349302481913","SYSLOG_IDENTIFIER":"CRON","MESSAGE":"(root) CMD (a)"}""" + "\n";

        Assert.Equal(95, JournalExport.Parser.Sniff(Persistence.Sniffing.Sample("j.json", text)));
        var outcome = Parse(text);
        Assert.Empty(outcome.Warnings);
        Assert.Single(outcome.Events);
    }
}
