using Timeline.Parsers.Linux.Persistence.SystemdUnit;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Persistence;

public sealed class SystemdUnitParserTests
{
    private static readonly SystemdUnitParser Parser = new();

    private const string Unit = """
        [Unit]
        Description=GNU C runtime helper

        [Service]
        ExecStartPre=/bin/sh -c 'sysctl -w vm.nr_hugepages=1280'
        ExecStart=/root/gcclib/libgcc_a \
            --donate-level=0
        ExecStartPost=/bin/true
        ExecReload=/bin/kill -HUP $MAINPID
        ExecStop=/bin/kill $MAINPID
        Restart=always
        User=miner

        [Install]
        WantedBy=multi-user.target

        """;

    [Fact]
    public void EveryExecDirectiveIsAnEventWithTheUnitsSummary()
    {
        var outcome = ParserHarness.ParseText(Parser, Unit, "/etc/systemd/system/crtend_b.service");

        Assert.Equal(["ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop"], outcome.Events.Select(e => e.Fields.Get("directive")));
        Assert.All(outcome.Events, e =>
        {
            Assert.Equal("systemd_exec", e.Fields.Get("event"));
            Assert.Equal("crtend_b.service", e.Fields.Get("unit"));
            Assert.Equal("Service", e.Fields.Get("section"));
            Assert.Equal("GNU C runtime helper", e.Fields.Get("description"));
            Assert.Equal("miner", e.Fields.Get("user"));
            Assert.Equal("multi-user.target", e.Fields.Get("wanted_by"));
        });
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void AContinuedLineIsOneCommandAtItsFirstLine()
    {
        var outcome = ParserHarness.ParseText(Parser, Unit, "crtend_b.service");

        var start = outcome.Events.Single(e => e.Fields.Get("directive") == "ExecStart");
        Assert.Equal("/root/gcclib/libgcc_a  --donate-level=0", start.Fields.Get("command"));
        Assert.Equal(6, start.Origin.Position);
    }

    [Fact]
    public void StrayLinesAreWarnedAndDoNotStopTheParse()
    {
        var outcome = ParserHarness.ParseText(Parser, "ExecStart=/early\n[Service]\ngarbage here\nExecStart=/bin/x\n", "x.service");

        Assert.Equal("/bin/x", Assert.Single(outcome.Events).Fields.Get("command"));
        Assert.Equal([1L, 3L], outcome.Warnings.Select(w => w.Origin.Position));
    }

    [Theory]
    [InlineData("/etc/systemd/system/crtend_b.service", "crtend_b.service")]
    [InlineData("etc-systemd-system-systemd-network.service", "systemd-network.service")]
    [InlineData("usr_lib_systemd_system_kworker.service", "kworker.service")]
    [InlineData("etc/systemd/system/ssh.service.d/override.conf", "ssh.service")]
    [InlineData("collected/x.service", "x.service")]
    public void TheUnitNameComesFromThePath(string path, string unit) => Assert.Equal(unit, UnitName.Of(path));
}
