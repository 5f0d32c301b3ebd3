using System.Text;
using Timeline.Parsers.Linux.Journald;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

/// <summary>Exports that were cut, concatenated with other text, or corrupted: the intact entries survive.</summary>
public sealed class JournaldDamageTests
{
    private static string Messages(Support.ParseOutcome outcome) => string.Join(" | ", outcome.Events.Select(e => e.Message));

    [Fact]
    public void ExportCutInsideATextFieldKeepsTheLastEntryWithAWarning()
    {
        var bytes = new JournalExport()
            .Entry(JournalExport.March2, "sshd", "1", "Failed password for root from 203.0.113.45 port 1 ssh2")
            .Entry(JournalExport.March2 + 1, "sshd", "2", "Accepted password for root from 203.0.113.45 port 2 ssh2")
            .Bytes;
        var cut = bytes.AsSpan(0, bytes.Length - 5).ToArray(); // "...port 2 s"

        var outcome = Support.ParserHarness.ParseBytes(JournalExport.Parser, cut, "cut.export");

        Assert.Equal("sshd[1]: Failed password for root from 203.0.113.45 port 1 ssh2 | sshd[2]: Accepted password for root from 203.0.113.45 port 2 s", Messages(outcome));
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(9, warning.Origin.Position);
        Assert.Contains("the export is truncated", warning.Message);
    }

    [Fact]
    public void ExportCutAfterAFieldButBeforeTheEmptyLineIsAlsoTruncated()
    {
        var outcome = new JournalExport()
            .Entry(JournalExport.March2, "CRON", "1", "(root) CMD (a)")
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("SYSLOG_IDENTIFIER", "CRON")
            .Text("MESSAGE", "(root) CMD (b)")
            .Parse();

        Assert.Equal(2, outcome.Events.Count);
        Assert.Contains("the export is truncated", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void ExportCutInsideABinaryValueKeepsWhatWasReadWithAWarning()
    {
        var bytes = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("SYSLOG_IDENTIFIER", "sshd")
            .Binary("MESSAGE", "Accepted password for root\nfrom 203.0.113.45")
            .End()
            .Bytes;
        var cut = bytes.AsSpan(0, bytes.Length - 13).ToArray(); // the empty line, the LF and 11 bytes of the value

        var outcome = Support.ParserHarness.ParseBytes(JournalExport.Parser, cut, "cut.export");

        Assert.Equal("sshd: Accepted password for root\nfrom 2", Assert.Single(outcome.Events).Message);
        Assert.Contains("the export is truncated", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void ExportCutInsideABinaryLengthIsTruncatedNotGarbage()
    {
        var bytes = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("SYSLOG_IDENTIFIER", "sshd")
            .Binary("MESSAGE", "x")
            .Bytes;
        var cut = bytes.AsSpan(0, bytes.Length - 6).ToArray(); // 4 of the 8 length bytes remain

        var outcome = Support.ParserHarness.ParseBytes(JournalExport.Parser, cut, "cut.export");

        Assert.Equal("sshd:", Assert.Single(outcome.Events).Message);
        Assert.Contains("the export is truncated", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void GarbageBetweenEntriesIsSkippedWithOneWarningPerRunAndTheEntriesAroundItSurvive()
    {
        var outcome = new JournalExport()
            .Entry(JournalExport.March2, "CRON", "1", "(root) CMD (a)")
            .Raw("-- Boot c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6 --\nroot@web02:~# journalctl -o export > /mnt/usb/j.export\n\n")
            .Raw("lowercase=not a journal field\n")                    // directly before an entry, no empty line
            .Entry(JournalExport.March2 + 1, "CRON", "2", "(root) CMD (b)")
            .Parse();

        Assert.Equal("CRON[1]: (root) CMD (a) | CRON[2]: (root) CMD (b)", Messages(outcome));
        Assert.Equal([9, 12], outcome.Warnings.Select(w => w.Origin.Position));
        Assert.All(outcome.Warnings, w => Assert.Contains("not a journal export field", w.Message));
        Assert.Equal("-- Boot c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6 --", outcome.Warnings[0].Excerpt);
        Assert.Equal(13, outcome.Events[1].Origin.Position);
    }

    [Fact]
    public void AbsurdBinaryLengthLosesTheRestOfTheEntryAndResyncsAtTheNextEmptyLine()
    {
        var outcome = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("SYSLOG_IDENTIFIER", "sshd")
            .Binary("MESSAGE", Encoding.UTF8.GetBytes("Accepted password"), claimedLength: ulong.MaxValue)
            .Text("_HOSTNAME", "lost")
            .End()
            .Entry(JournalExport.March2 + 1, "sshd", "2", "Failed password for root from 203.0.113.45 port 2 ssh2")
            .Parse();

        Assert.Equal("sshd: | sshd[2]: Failed password for root from 203.0.113.45 port 2 ssh2", Messages(outcome));
        Assert.Equal("sample-host", outcome.Events[0].Host);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(3, warning.Origin.Position);
        Assert.Contains("binary field MESSAGE claims 18446744073709551615 bytes", warning.Message);
    }

    [Fact]
    public void ALoneUpperCaseWordBeforeAnEmptyLineDoesNotSwallowTheNextEntry()
    {
        // "EOF" is a valid field name without '=': a binary header whose "length" is the next 8 bytes,
        // which here hold the empty line and the start of the next entry.
        var outcome = new JournalExport()
            .Raw("EOF\n\n")
            .Entry(JournalExport.March2, "CRON", "1", "(root) CMD (a)")
            .Parse();

        Assert.Equal("CRON[1]: (root) CMD (a)", Messages(outcome));
        Assert.Equal(3, outcome.Events[0].Origin.Position);
        Assert.Contains("its length is damaged", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void BinaryValueNotFollowedByALineEndLosesSync()
    {
        var outcome = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("SYSLOG_IDENTIFIER", "sshd")
            .Binary("MESSAGE", Encoding.UTF8.GetBytes("Accepted password for root"), claimedLength: 8)
            .End()
            .Entry(JournalExport.March2 + 1, "CRON", "2", "(root) CMD (b)")
            .Parse();

        Assert.Equal("sshd: | CRON[2]: (root) CMD (b)", Messages(outcome));
        Assert.Contains("binary field MESSAGE of 8 bytes is not followed by a line end", Assert.Single(outcome.Warnings).Message);
    }

    [Fact]
    public void OverlongLineIsSkippedWithoutBufferingAndTheNextEntryIsRead()
    {
        var outcome = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("SYSLOG_IDENTIFIER", "app")
            .Text("MESSAGE", new string('A', JournalExportReader.MaxFieldBytes + 100))
            .Text("_HOSTNAME", "lost")
            .End()
            .Entry(JournalExport.March2 + 1, "CRON", "2", "(root) CMD (b)")
            .Parse();

        Assert.Equal("app: | CRON[2]: (root) CMD (b)", Messages(outcome));
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(3, warning.Origin.Position);
        Assert.Contains("line is longer than", warning.Message);
        Assert.Equal(6, outcome.Events[1].Origin.Position);
    }

    [Fact]
    public void EmptyFileGivesNoEventsAndNoWarnings()
    {
        var outcome = new JournalExport().Parse();

        Assert.Empty(outcome.Events);
        Assert.Empty(outcome.Warnings);
    }
}
