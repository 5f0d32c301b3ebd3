using Timeline.Tests.Parsers.Linux.Syslog;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Auth;

public sealed class SshdGrammarTests
{
    [Theory]
    // auth_log(): Failed / Accepted / Postponed, every method and key type
    [InlineData("sshd[1]: Failed password for invalid user admin from 203.0.113.45 port 51234 ssh2",
        "auth_method=password|event=ssh_failed|invalid_user=true|src_ip=203.0.113.45|src_port=51234|user=admin")]
    [InlineData("sshd[1]: Failed password for root from 203.0.113.45 port 51240 ssh2",
        "auth_method=password|event=ssh_failed|src_ip=203.0.113.45|src_port=51240|user=root")]
    [InlineData("sshd[1]: Failed none for invalid user test from 203.0.113.45 port 51250 ssh2",
        "auth_method=none|event=ssh_failed|invalid_user=true|src_ip=203.0.113.45|src_port=51250|user=test")]
    [InlineData("sshd[1]: Accepted password for root from 203.0.113.45 port 40112 ssh2",
        "auth_method=password|event=ssh_accepted|src_ip=203.0.113.45|src_port=40112|user=root")]
    [InlineData("sshd[1]: Accepted publickey for root from 198.51.100.23 port 55002 ssh2: RSA SHA256:Qm9ndXNGaW5nZXJwcmludEV4YW1wbGUxMjM0NTY3OA",
        "auth_method=publickey|event=ssh_accepted|key_fp=SHA256:Qm9ndXNGaW5nZXJwcmludEV4YW1wbGUxMjM0NTY3OA|key_type=RSA|src_ip=198.51.100.23|src_port=55002|user=root")]
    [InlineData("sshd-session[1]: Accepted publickey for git from 2001:db8::7 port 50122 ssh2: ED25519 SHA256:ZWQyNTUxOQ",
        "auth_method=publickey|event=ssh_accepted|key_fp=SHA256:ZWQyNTUxOQ|key_type=ED25519|src_ip=2001:db8::7|src_port=50122|user=git")]
    [InlineData("sshd-auth[1]: Failed publickey for deploy from 192.0.2.5 port 50122 ssh2: ECDSA SHA256:ZWNkc2E",
        "auth_method=publickey|event=ssh_failed|key_fp=SHA256:ZWNkc2E|key_type=ECDSA|src_ip=192.0.2.5|src_port=50122|user=deploy")]
    [InlineData("sshd[1]: Accepted publickey for root from 192.0.2.5 port 22 ssh2: ED25519-CERT SHA256:Y2VydA ID ops (serial 7) CA ED25519 SHA256:Y2E",
        "auth_method=publickey|event=ssh_accepted|key_fp=SHA256:Y2VydA|key_type=ED25519-CERT|src_ip=192.0.2.5|src_port=22|user=root")]
    [InlineData("sshd[1]: Accepted keyboard-interactive/pam for ubuntu from 203.0.113.45 port 40113 ssh2",
        "auth_method=keyboard-interactive/pam|event=ssh_accepted|src_ip=203.0.113.45|src_port=40113|user=ubuntu")]
    [InlineData("sshd[1]: Postponed keyboard-interactive for root from 203.0.113.45 port 40113 ssh2 [preauth]",
        "auth_method=keyboard-interactive|event=ssh_postponed|src_ip=203.0.113.45|src_port=40113|user=root")]
    [InlineData("sshd[1]: Failed password for root from host.example.net port 40113 ssh2",
        "auth_method=password|event=ssh_failed|src_host=host.example.net|src_port=40113|user=root")]
    // A user name is client-supplied: the address is the LAST "from <ip> port <n>".
    [InlineData("sshd[1]: Failed password for invalid user x from 6.6.6.6 port 1 from 203.0.113.45 port 51234 ssh2",
        "auth_method=password|event=ssh_failed|invalid_user=true|src_ip=203.0.113.45|src_port=51234|user=x from 6.6.6.6 port 1")]
    [InlineData("sshd[1]: Failed password for invalid user  from 203.0.113.45 port 51234 ssh2",
        "auth_method=password|event=ssh_failed|invalid_user=true|src_ip=203.0.113.45|src_port=51234")]
    [InlineData("sshd[1]: Invalid user admin from 203.0.113.45 port 51234",
        "event=ssh_invalid_user|invalid_user=true|src_ip=203.0.113.45|src_port=51234|user=admin")]
    [InlineData("sshd[1]: Invalid user ftpuser from 192.0.2.201",
        "event=ssh_invalid_user|invalid_user=true|src_ip=192.0.2.201|user=ftpuser")]
    [InlineData("sshd[1]: error: maximum authentication attempts exceeded for root from 203.0.113.45 port 51240 ssh2 [preauth]",
        "event=ssh_max_auth_exceeded|src_ip=203.0.113.45|src_port=51240|user=root")]
    [InlineData("sshd[1]: error: maximum authentication attempts exceeded for invalid user pi from 203.0.113.45 port 51240 ssh2 [preauth]",
        "event=ssh_max_auth_exceeded|invalid_user=true|src_ip=203.0.113.45|src_port=51240|user=pi")]
    // Disconnects and closed connections, with and without the 2017 preamble
    [InlineData("sshd[1]: Received disconnect from 203.0.113.45 port 51234:11: Bye Bye [preauth]",
        "event=ssh_disconnect|reason=Bye Bye|src_ip=203.0.113.45|src_port=51234")]
    [InlineData("sshd[1]: Received disconnect from 2001:db8::9 port 51234:11: disconnected by user",
        "event=ssh_disconnect|reason=disconnected by user|src_ip=2001:db8::9|src_port=51234")]
    [InlineData("sshd[1]: Received disconnect from 192.0.2.201: 11: disconnected by user",
        "event=ssh_disconnect|reason=disconnected by user|src_ip=192.0.2.201")]
    [InlineData("sshd[1]: Disconnected from invalid user admin 203.0.113.45 port 51234 [preauth]",
        "event=ssh_disconnect|invalid_user=true|src_ip=203.0.113.45|src_port=51234|user=admin")]
    [InlineData("sshd[1]: Disconnected from authenticating user root 203.0.113.45 port 51240 [preauth]",
        "event=ssh_disconnect|src_ip=203.0.113.45|src_port=51240|user=root")]
    [InlineData("sshd[1]: Disconnected from user root 203.0.113.45 port 40112",
        "event=ssh_disconnect|src_ip=203.0.113.45|src_port=40112|user=root")]
    [InlineData("sshd[1]: Disconnected from 203.0.113.45 port 40112",
        "event=ssh_disconnect|src_ip=203.0.113.45|src_port=40112")]
    [InlineData("sshd[1]: Connection closed by authenticating user root 203.0.113.45 port 51240 [preauth]",
        "event=ssh_connection_closed|src_ip=203.0.113.45|src_port=51240|user=root")]
    [InlineData("sshd[1]: Connection closed by invalid user root 203.0.113.45 port 51240 [preauth] ",
        "event=ssh_connection_closed|invalid_user=true|src_ip=203.0.113.45|src_port=51240|user=root")]
    [InlineData("sshd[1]: Connection closed by 203.0.113.45 port 51260 [preauth]",
        "event=ssh_connection_closed|src_ip=203.0.113.45|src_port=51260")]
    [InlineData("sshd[1]: Connection closed by 203.0.113.45",
        "event=ssh_connection_closed|src_ip=203.0.113.45")]
    [InlineData("sshd[1]: Connection reset by 203.0.113.45 port 51261 [preauth]",
        "event=ssh_connection_closed|src_ip=203.0.113.45|src_port=51261")]
    [InlineData("sshd[1]: Unable to negotiate with 203.0.113.45 port 51262: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]",
        "event=ssh_negotiation_failed|reason=no matching key exchange method found. Their offer: diffie-hellman-group1-sha1|src_ip=203.0.113.45|src_port=51262")]
    [InlineData("sshd[1]: Disconnecting authenticating user root 203.0.113.45 port 51240: Too many authentication failures [preauth]",
        "event=ssh_too_many_failures|reason=Too many authentication failures|src_ip=203.0.113.45|src_port=51240|user=root")]
    [InlineData("sshd[1]: Disconnecting invalid user admin 203.0.113.45 port 51240: Too many authentication failures [preauth]",
        "event=ssh_too_many_failures|invalid_user=true|reason=Too many authentication failures|src_ip=203.0.113.45|src_port=51240|user=admin")]
    [InlineData("sshd[1]: Disconnecting: Too many authentication failures for root [preauth]",
        "event=ssh_too_many_failures|reason=Too many authentication failures for root|user=root")]
    [InlineData("sshd[1]: Starting session: shell on pts/0 for root from 203.0.113.45 port 40112 id 0",
        "event=ssh_session_start|src_ip=203.0.113.45|src_port=40112|tty=pts/0|user=root")]
    [InlineData("sshd[1]: User root from 192.0.2.1 not allowed because not listed in AllowUsers",
        "event=ssh_user_not_allowed|reason=not listed in AllowUsers|src_ip=192.0.2.1|user=root")]
    [InlineData("sshd[1]: fatal: Timeout before authentication for 192.0.2.212 port 47056",
        "event=ssh_timeout|src_ip=192.0.2.212|src_port=47056")]
    [InlineData("sshd[1]: refused connect from example.com (192.0.2.1)",
        "event=ssh_refused_connect|src_host=example.com|src_ip=192.0.2.1")]
    [InlineData("sshd[1]: Did not receive identification string from 198.51.100.140 port 52100",
        "event=ssh_no_identification|src_ip=198.51.100.140|src_port=52100")]
    [InlineData("sshd[1]: Connection from 192.0.2.33 port 44120 on 192.0.2.10 port 22 rdomain \"\"",
        "dst_ip=192.0.2.10|dst_port=22|event=ssh_connection|src_ip=192.0.2.33|src_port=44120")]
    [InlineData("sshd[1]: error: PAM: Authentication failure for root from 203.0.113.45",
        "event=pam_auth_failure|src_ip=203.0.113.45|user=root")]
    // Unknown sshd messages are still linux/auth, event=other, with the address when there is one
    [InlineData("sshd[1]: Magic value check failed (4289475479) on obfuscated handshake from 94.232.46.213 port 62730",
        "event=other|src_ip=94.232.46.213|src_port=62730")]
    [InlineData("sshd[1]: Server listening on 0.0.0.0 port 22.", "event=other")]
    public void SshdMessageGivesItsFields(string tagAndMessage, string expected)
    {
        var e = SyslogLines.One("Mar  2 03:15:02 web01 " + tagAndMessage);
        Assert.Equal("linux/auth", e.Parser);
        Assert.Equal(expected, SyslogLines.Fields(e));
    }

    [Theory]
    [InlineData("sshd")]
    [InlineData("sshd-session")]
    [InlineData("sshd-auth")]
    public void EveryOpenSshProgramNameIsReadBySshdGrammar(string program)
    {
        var e = SyslogLines.One($"Mar  2 03:15:02 web01 {program}[2211]: Invalid user admin from 203.0.113.45 port 51234");
        Assert.Equal(program, e.Fields.Get("program"));
        Assert.Equal("2211", e.Fields.Get("pid"));
        Assert.Equal("ssh_invalid_user", e.Fields.Get("event"));
    }
}
