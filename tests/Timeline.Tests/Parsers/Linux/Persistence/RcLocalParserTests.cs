using Timeline.Parsers.Linux.Persistence.RcLocal;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Persistence;

public sealed class RcLocalParserTests
{
    private static readonly RcLocalParser Parser = new();

    [Fact]
    public void EveryCommandLineIsAnEventAndCommentsAreNot()
    {
        var outcome = ParserHarness.ParseText(Parser, "#!/bin/sh -e\n# rc.local\n\nnohup /usr/spirit/spirit >/dev/null 2>&1 &\nexit 0\n", "/etc/rc.local");

        Assert.Equal([4L, 5L], outcome.Events.Select(e => e.Origin.Position));
        Assert.Equal("nohup /usr/spirit/spirit >/dev/null 2>&1 &", outcome.Events[0].Fields.Get("command"));
        Assert.Equal("rc_local_command", outcome.Events[0].Fields.Get("event"));
        Assert.Equal("/etc/rc.local", outcome.Events[0].Fields.Get("path"));
    }

    [Fact]
    public void OnlyAScriptNamedRcLocalIsClaimed()
    {
        var script = "#!/bin/sh -e\n/etc/init.d/down start\nexit 0\n";

        Assert.True(Parser.Sniff(Sniffing.Sample("/etc/rc.local", script)) > 0);
        Assert.True(Parser.Sniff(Sniffing.Sample("/etc/rc.d/rc.local", script)) > 0);
        Assert.Equal(0, Parser.Sniff(Sniffing.Sample("/etc/init.d/down", script)));
        Assert.Equal(0, Parser.Sniff(Sniffing.Sample("/etc/rc.local", "Mar  2 03:15:02 web01 sshd[2211]: Accepted password for root\n")));
    }
}
