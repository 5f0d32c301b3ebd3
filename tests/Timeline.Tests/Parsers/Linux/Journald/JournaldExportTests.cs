using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

public sealed class JournaldExportTests
{
    [Fact]
    public void TextFieldsGiveAnExactUtcEventOnTheEntrysHostWithASyslogLikeMessage()
    {
        var outcome = new JournalExport()
            .Text("__CURSOR", "s=1;i=2")
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("_BOOT_ID", "c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6")
            .Text("_HOSTNAME", "web02")
            .Text("PRIORITY", "6")
            .Text("SYSLOG_IDENTIFIER", "systemd")
            .Text("UNIT", "sysupdate.service")
            .Text("_TRANSPORT", "journal")
            .Text("_PID", "1")
            .Text("_UID", "0")
            .Text("_COMM", "systemd")
            .Text("_EXE", "/usr/lib/systemd/systemd")
            .Text("_CMDLINE", "/sbin/init splash")
            .Text("_SYSTEMD_UNIT", "init.scope")
            .Text("MESSAGE", "Started sysupdate.service - System Update Service.")
            .End()
            .Parse();

        Assert.Empty(outcome.Warnings);
        var e = Assert.Single(outcome.Events);
        Assert.Equal("2024-03-02T03:15:02.4819130Z", TimeText.Format(e.Ticks!.Value));
        Assert.Equal(TimeQuality.Exact, e.TimeQuality);
        Assert.Equal("web02", e.Host);
        Assert.Equal("linux/journald", e.Parser);
        Assert.Equal("systemd[1]: Started sysupdate.service - System Update Service.", e.Message);
        Assert.Equal(
            "program=systemd|pid=1|unit=init.scope|about_unit=sysupdate.service|priority=6|exe=/usr/lib/systemd/systemd|cmdline=/sbin/init splash|uid=0|transport=journal|boot_id=c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6|_COMM=systemd",
            string.Join("|", e.Fields.Select(f => f.Key + "=" + f.Value)));
        Assert.Equal(new Origin("journal.export", e.Origin.Sha256, 1, PositionKind.Line), e.Origin);
    }

    [Fact]
    public void BinaryMessageIsReadByItsLengthSoNewlinesAndEmptyLinesInsideDoNotEndTheEntry()
    {
        var outcome = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1423944916375353")
            .Text("SYSLOG_IDENTIFIER", "python3")
            .Binary("MESSAGE", "Traceback:\n\n  boom")
            .Text("_PID", "16853")
            .End()
            .Entry(JournalExport.March2, "sshd", "2211", "Connection closed by 203.0.113.45 port 51234")
            .Parse();

        Assert.Empty(outcome.Warnings);
        Assert.Equal(2, outcome.Events.Count);
        var first = outcome.Events[0];
        Assert.Equal("python3[16853]: Traceback:\n\n  boom", first.Message);
        Assert.Equal("16853", first.Fields.Get("pid"));
        // Lines 1-3 are the two text fields and the name; the value holds 2 LFs and ends with one: line 9 starts entry 2.
        Assert.Equal(9, outcome.Events[1].Origin.Position);
        Assert.Equal("linux/auth", outcome.Events[1].Parser);
    }

    [Fact]
    public void BinaryMessageThatIsNotUtf8KeepsTheBytesAsHexEscapesWithAWarning()
    {
        var message = Encoding.UTF8.GetBytes("Invalid user J?rg from 198.51.100.7 port 40022");
        message[14] = 0xF6;
        var outcome = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("SYSLOG_IDENTIFIER", "sshd")
            .Text("SYSLOG_PID", "2209")
            .Binary("MESSAGE", message)
            .End()
            .Parse();

        var e = Assert.Single(outcome.Events);
        Assert.Equal("sshd[2209]: Invalid user J\\xF6rg from 198.51.100.7 port 40022", e.Message);
        Assert.Equal("J\\xF6rg", e.Fields.Get("user"));
        Assert.Equal("198.51.100.7", e.Fields.Get("src_ip"));
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(1, warning.Origin.Position);
        Assert.Contains("MESSAGE not valid UTF-8", warning.Message);
    }

    [Fact]
    public void RepeatedFieldKeepsItsFirstValue()
    {
        var outcome = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("_UDEV_DEVLINK", "/dev/disk/by-id/a")
            .Text("_UDEV_DEVLINK", "/dev/disk/by-id/b")
            .Text("SYSLOG_IDENTIFIER", "kernel")
            .Text("MESSAGE", "first")
            .Text("MESSAGE", "second")
            .End()
            .Parse();

        Assert.Empty(outcome.Warnings);
        Assert.Equal("kernel: first", Assert.Single(outcome.Events).Message);
    }

    [Fact]
    public void SourceTimestampCommAndPidAreTheFallbacks()
    {
        var outcome = new JournalExport()
            .Text("_SOURCE_REALTIME_TIMESTAMP", "1709349302000001")
            .Text("_COMM", "xmrig")
            .Text("_PID", "4711")
            .Text("MESSAGE", "speed 10s/60s/15m 2113.4 n/a n/a H/s")
            .End()
            .Parse();

        var e = Assert.Single(outcome.Events);
        Assert.Equal("2024-03-02T03:15:02.0000010Z", TimeText.Format(e.Ticks!.Value));
        Assert.Equal("xmrig[4711]: speed 10s/60s/15m 2113.4 n/a n/a H/s", e.Message);
        Assert.Equal("sample-host", e.Host);
    }

    [Fact]
    public void EntryWithoutAUsableTimeIsKeptInFileOrderWithAWarning()
    {
        var outcome = new JournalExport()
            .Entry(JournalExport.March2, "sshd", "1", "Invalid user a from 203.0.113.45 port 1")
            .Text("__REALTIME_TIMESTAMP", "soon")
            .Text("SYSLOG_IDENTIFIER", "sshd")
            .Text("MESSAGE", "Invalid user b from 203.0.113.45 port 2")
            .End()
            .Parse();

        Assert.Equal(2, outcome.Events.Count);
        var untimed = outcome.Events[1];
        Assert.Null(untimed.Ticks);
        Assert.Equal(TimeQuality.OrderOnly, untimed.TimeQuality);
        Assert.Equal(outcome.Events[0].Ticks, untimed.SortTicks);
        Assert.Equal(["__REALTIME_TIMESTAMP is not a number of microseconds since 1970", "entry has no usable __REALTIME_TIMESTAMP or _SOURCE_REALTIME_TIMESTAMP; kept untimed, in file order"],
            outcome.Warnings.Select(w => w.Message));
        Assert.All(outcome.Warnings, w => Assert.Equal(9, w.Origin.Position));
    }

    [Fact]
    public void CrlfLineEndsAreNotPartOfTheValues()
    {
        var text = "__REALTIME_TIMESTAMP=1709349302481913\r\n_HOSTNAME=web02\r\nSYSLOG_IDENTIFIER=CRON\r\nSYSLOG_PID=4242\r\nMESSAGE=(root) CMD (/tmp/x)\r\n\r\n" +
                   "__REALTIME_TIMESTAMP=1709349302481914\r\nSYSLOG_IDENTIFIER=CRON\r\nMESSAGE=(root) CMD (/tmp/y)\r\n\r\n";

        var outcome = new JournalExport().Raw(text).Parse();

        Assert.Empty(outcome.Warnings);
        Assert.Equal(["/tmp/x", "/tmp/y"], outcome.Events.Select(e => e.Fields.Get("command")));
        Assert.Equal("web02", outcome.Events[0].Host);
    }

    [Fact]
    public void HostOptionOverridesTheJournalHostname()
    {
        var outcome = new JournalExport().Entry(JournalExport.March2, "sshd", "1", "x").Parse(
            new Support.SampleContext(Support.SampleContext.DefaultMtime, null, "UTC", "evidence-host", "sample-host"));

        Assert.Equal("evidence-host", Assert.Single(outcome.Events).Host);
    }

    [Fact]
    public void ByteOrderMarkBeforeTheFirstFieldIsIgnored()
    {
        var outcome = new JournalExport().Raw([0xEF, 0xBB, 0xBF]).Entry(JournalExport.March2, "CRON", "1", "(root) CMD (a)").Parse();

        Assert.Empty(outcome.Warnings);
        Assert.Equal(JournalExport.March2 * 10 + DateTime.UnixEpoch.Ticks, Assert.Single(outcome.Events).Ticks);
    }
}
