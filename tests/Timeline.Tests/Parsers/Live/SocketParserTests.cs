using Timeline.Core.Vocabulary;
using Timeline.Parsers.Live.Lsof;
using Timeline.Parsers.Live.Netstat;
using Timeline.Parsers.Live.Ss;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Live;

/// <summary>ss, netstat and lsof socket rows: address shapes, owners, what is counted instead of made an event.</summary>
public sealed class SocketParserTests
{
    [Fact]
    public void SsWithNetidSkipsUnixSocketsWithACountAndReadsInetRows()
    {
        var outcome = ParserHarness.ParseText(new SsParser(),
            "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
            + "u_str ESTAB  0      0      /run/x.sock 1234 * 1235 users:((\"a\",pid=1,fd=3))\n"
            + "tcp   ESTAB  0      0      [::ffff:10.0.0.5]:43210 [::ffff:203.0.113.77]:3333 users:((\"kswapd0\",pid=988,fd=5),(\"kswapd0\",pid=989,fd=5))\n");

        var e = Assert.Single(outcome.Events);
        Assert.Equal(LiveStateEvents.Connection, e.Fields.Get(FieldNames.Event));
        Assert.Equal("203.0.113.77", e.Fields.Get(FieldNames.RemoteIp));
        Assert.Equal("10.0.0.5", e.Fields.Get(FieldNames.LocalIp));
        Assert.Equal("988", e.Fields.Get(FieldNames.Pid));
        Assert.Contains("1 u_str sockets", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProcessNameWithQuotesAndCommasDoesNotHideThePid()
    {
        var outcome = ParserHarness.ParseText(new SsParser(),
            "State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
            + "ESTAB 0 0 10.0.0.5:1 1.2.3.4:3333 users:((\"a\\\",b)\",pid=77,fd=5))\n");

        Assert.Equal("77", Assert.Single(outcome.Events).Fields.Get(FieldNames.Pid));
    }

    [Fact]
    public void NetstatUnknownOwnerAndUdpWithoutStateAreRead()
    {
        var outcome = ParserHarness.ParseText(new NetstatParser(),
            "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n"
            + "tcp        0      0 0.0.0.0:2024            0.0.0.0:*               LISTEN      -\n"
            + "udp        0      0 0.0.0.0:68              0.0.0.0:*                           711/dhclient\n"
            + "tcp        0      0 10.0.0.5:22             198.51.100.7:5000       ESTABLISHED 2211/sshd: root@pts\n");

        Assert.Equal(3, outcome.Events.Count);
        Assert.Null(outcome.Events[0].Fields.Get(FieldNames.Pid));
        Assert.Equal(LiveStateEvents.Listen, outcome.Events[1].Fields.Get(FieldNames.Event));
        Assert.Equal("dhclient", outcome.Events[1].Fields.Get(FieldNames.Process));
        Assert.Equal("sshd: root@pts", outcome.Events[2].Fields.Get(FieldNames.Process));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void LsofMakesEventsOnlyForSocketsAndFilesOfNoteAndCountsTheRest()
    {
        const string header = "COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF     NODE NAME\n";
        var outcome = ParserHarness.ParseText(new LsofParser(), header
            + "kswapd0   988 root  txt    REG  254,0    17584 11747471 /tmp/.x/kswapd0 (deleted)\n"
            + "kswapd0   988 root  mem    REG  254,0   911904   332471 /usr/lib/x86_64-linux-gnu/libm.so.6\n"
            + "kswapd0   988 root    4w   REG  254,0        0       12 /dev/shm/.cache\n"
            + "kswapd0   988 root    5u  IPv4 136620      0t0      TCP 10.0.0.5:43210->203.0.113.77:3333 (ESTABLISHED)\n"
            + "kswapd0   988 root    6u  IPv4 136621      0t0      UDP *:5353\n"
            + "short\n");

        Assert.Equal([LiveStateEvents.OpenFile, LiveStateEvents.OpenFile, LiveStateEvents.Connection, LiveStateEvents.Listen],
            outcome.Events.Select(e => e.Fields.Get(FieldNames.Event)));
        Assert.Equal("/tmp/.x/kswapd0", outcome.Events[0].Fields.Get(FieldNames.Exe));
        Assert.Equal("deleted", outcome.Events[0].Fields.Get(FieldNames.Problem));
        Assert.Equal("3333", outcome.Events[2].Fields.Get(FieldNames.RemotePort));
        Assert.Equal(2, outcome.Warnings.Count);
        Assert.Equal(7, outcome.Warnings[0].Origin.Position);
        Assert.Contains("1 ordinary open files", outcome.Warnings[1].Message, StringComparison.Ordinal);
    }
}
