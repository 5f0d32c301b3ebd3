using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Syslog;

public sealed class SyslogEnvelopeTests
{
    [Theory]
    [InlineData("Mar  2 03:15:02 web01 sshd[2211]: hello", "Traditional", "web01", "sshd", "2211", "hello")]
    [InlineData("Nov 2 15:40:14 workshop sshd[28179]: hello", "Traditional", "workshop", "sshd", "28179", "hello")]
    [InlineData("Aug 03 21:39:20 hostname sshd[69420]: hello", "Traditional", "hostname", "sshd", "69420", "hello")]
    [InlineData("Mar  2 03:15:02.481913 db7.example.net sudo:   alice : TTY=pts/0", "Traditional", "db7.example.net", "sudo", "", "alice : TTY=pts/0")]
    [InlineData("Mar  2 03:15:02 192.0.2.44 /USR/SBIN/CRON[77]: (root) CMD (x)", "Traditional", "192.0.2.44", "/USR/SBIN/CRON", "77", "(root) CMD (x)")]
    [InlineData("Mar  2 03:15:02 web01 last message repeated 2 times", "Traditional", "web01", "", "", "last message repeated 2 times")]
    [InlineData("Mar  2 03:15:02 sshd[2211]: no host field", "Traditional", "", "sshd", "2211", "no host field")]
    [InlineData("<38>Mar  2 03:15:02 web01 sshd[2211]: wire format", "Traditional", "web01", "sshd", "2211", "wire format")]
    [InlineData("2024-03-02T03:15:02.481913+00:00 web01 sshd[2211]: hello", "Rfc3339", "web01", "sshd", "2211", "hello")]
    [InlineData("2024-03-02T03:15:02+0000 web01 sshd[2211]: hello", "Rfc3339", "web01", "sshd", "2211", "hello")]
    [InlineData("<38>1 2024-03-02T03:15:02.481913+00:00 web01 sshd 2211 - - hello", "Rfc5424", "web01", "sshd", "2211", "hello")]
    [InlineData("<38>1 2024-03-02T03:15:02Z web01 sshd - ID47 [a b=\"x\\]y\"][c d=\"e\"] \uFEFFhello", "Rfc5424", "web01", "sshd", "", "hello")]
    [InlineData("<38>1 - - - - - -", "Rfc5424", "", "", "", "")]
    public void ValidHeaderIsSplitIntoItsParts(string line, string kind, string host, string program, string pid, string message)
    {
        Assert.True(SyslogEnvelopeReader.TryRead(line, out var envelope));
        Assert.Equal(kind, envelope.Kind.ToString());
        Assert.Equal(host, line.Substring(envelope.HostStart, envelope.HostLength));
        Assert.Equal(program, line.Substring(envelope.ProgramStart, envelope.ProgramLength));
        Assert.Equal(pid, line.Substring(envelope.PidStart, envelope.PidLength));
        Assert.Equal(message, line[envelope.MessageStart..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" Traceback (most recent call last):")]
    [InlineData("type=SYSCALL msg=audit(1684331127.039:3210): arch=c000003e")]
    [InlineData("Foo  2 03:15:02 web01 sshd[1]: bad month")]
    [InlineData("Mar 32 03:15:02 web01 sshd[1]: bad day")]
    [InlineData("Mar  2 24:15:02 web01 sshd[1]: bad hour")]
    [InlineData("Mar  2 03:15:02")]
    [InlineData("Mar  2 03:15:02  web01 two spaces before the host")]
    [InlineData("2024-02-30T03:15:02Z web01 sshd[1]: no such date")]
    [InlineData("2024-03-02T03:15:02 web01 sshd[1]: no offset")]
    [InlineData("2024-03-02 03:15:02+00:00 web01 sshd[1]: space instead of T")]
    [InlineData("<192>1 2024-03-02T03:15:02Z web01 sshd 1 - - PRI out of range")]
    [InlineData("<38>1 2024-03-02T03:15:02Z web01 sshd 1 - [unclosed sd")]
    public void InvalidHeaderIsRejected(string line) => Assert.False(SyslogEnvelopeReader.TryRead(line, out _));

    [Theory]
    [InlineData("2024-03-02T03:15:02.481913+00:00", "2024-03-02T03:15:02.4819130Z")]
    [InlineData("2024-03-01T22:15:02.481913-05:00", "2024-03-02T03:15:02.4819130Z")]
    [InlineData("2024-03-02T05:45:02.1234567891+02:30", "2024-03-02T03:15:02.1234567Z")]
    [InlineData("2024-03-02T03:15:02Z", "2024-03-02T03:15:02.0000000Z")]
    [InlineData("2024-03-02T04:15:02+0100", "2024-03-02T03:15:02.0000000Z")]
    public void Rfc3339TimeIsExactUtcWithFullPrecision(string stamp, string utc)
    {
        var e = SyslogLines.One(stamp + " web01 sshd[1]: Server listening on :: port 22.");
        Assert.Equal(TimeQuality.Exact, e.TimeQuality);
        Assert.Equal(utc, Timeline.Core.Output.TimeText.Format(e.Ticks!.Value));
        Assert.Equal(e.Ticks, e.SortTicks);
    }

    [Fact]
    public void Rfc5424PriorityGivesFacilityAndSeverity()
    {
        var e = SyslogLines.One("<86>1 2024-05-19T06:05:40.781220Z edge01 sshd 7725 - - pam_unix(sshd:session): session closed for user root");
        Assert.Equal("authpriv", e.Fields.Get("facility"));
        Assert.Equal("info", e.Fields.Get("severity"));
        Assert.Equal("edge01", e.Host);
        Assert.Equal("session_close", e.Fields.Get("event"));
    }
}
