using Timeline.Core.Findings;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// <see cref="ChainOptions.BruteForceMinFailures"/> failed logons before a success make a brute force:
/// exactly the threshold counts, one below does not — for the chain's existence (assembler), the entry
/// kind (ranker) and both the Linux and the Windows logon analytics.
/// </summary>
public sealed class BruteForceThresholdTests
{
    private static readonly ChainOptions Options = new() { Knowledge = ChainKnowledge.Load(RepoPaths.Sigma) };
    private static readonly Dictionary<string, List<RuleMatch>> NoMatches = [];
    private static int Threshold => Options.BruteForceMinFailures;
    private const string Ip = "203.0.113.5";

    public static TheoryData<int, bool> AtAndBelow() => new() { { 0, true }, { -1, false } };

    private static IReadOnlyList<AttackChain> Build(ChainEvents ev) => ChainBuilder.Build(ev.Events, NoMatches, Options);

    [Theory]
    [MemberData(nameof(AtAndBelow))]
    public void ASshSuccessAfterThresholdFailuresIsAChainOnItsOwn(int offset, bool bruteForce)
    {
        var ev = new ChainEvents();
        ev.Failures("h1", Ip, 0, Threshold + offset, "deploy");
        var login = ev.Accepted("h1", 2, "deploy", Ip, "publickey");
        var chains = Build(ev);
        if (!bruteForce)
        {
            Assert.Empty(chains);
            return;
        }
        var chain = Assert.Single(chains);
        Assert.Equal("ssh-bruteforce-success", chain.Entry!.Kind);
        Assert.Equal(login.Id, chain.Entry.EventId);
        Assert.StartsWith($"{Threshold} failed logons from {Ip}", chain.Entry.Why, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AtAndBelow))]
    public void TheSshEntryIsABruteForceFromTheThresholdOn(int offset, bool bruteForce)
    {
        var ev = new ChainEvents();
        ev.Failures("h1", Ip, 0, Threshold + offset, "root");
        var login = ev.Accepted("h1", 2, "root", Ip);
        ev.History("h1", 3, "root", "/var/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 --donate-level=0");
        var chain = Assert.Single(Build(ev));
        Assert.Equal(login.Id, chain.Entry!.EventId);
        Assert.Equal(bruteForce, chain.Entry.Kind == "ssh-bruteforce-success");
    }

    [Theory]
    [MemberData(nameof(AtAndBelow))]
    public void TheWindowsNetworkLogonIsABruteForceFromTheThresholdOn(int offset, bool bruteForce)
    {
        var ev = new ChainEvents();
        for (var i = 0; i < Threshold + offset; i++)
            ev.Windows("win", i * 0.1, "4625", "logon_failed", ("user", "Administrator"), ("IpAddress", Ip), ("src_ip", Ip), ("LogonType", "3"), ("logon_type", "3"));
        var login = ev.Windows("win", 5, "4624", "logon_success", ("user", "Administrator"), ("src_ip", Ip), ("IpAddress", Ip), ("logon_type", "3"), ("logon_id", "0x10"));
        ev.Windows("win", 6, "4688", "process_create", ("user", "Administrator"), ("command", "C:\\ProgramData\\x\\xmrig.exe -o pool.minexmr.com:4444 --donate-level=0"));
        var chain = Assert.Single(Build(ev));
        Assert.Equal(bruteForce, chain.Entry!.Kind == "rdp-bruteforce-success");
        if (bruteForce) Assert.Equal(login.Id, chain.Entry.EventId);
    }

    /// <summary>
    /// The logon analytics keep every brute-force success as remarkable; plain logons are bounded
    /// (<see cref="ChainOptions.MaxPlainLogins"/>). With more plain logons after it than the bound, only a
    /// logon kept as remarkable can still be the entry — so this tells the analytics' threshold apart.
    /// </summary>
    [Theory]
    [MemberData(nameof(AtAndBelow))]
    public void ALinuxBruteForceSuccessOutlivesTheBoundOnPlainLogons(int offset, bool bruteForce)
    {
        var options = new ChainOptions { Knowledge = Options.Knowledge, MaxPlainLogins = 2 };
        var ev = new ChainEvents();
        ev.Failures("h1", Ip, 0, Threshold + offset, "deploy");
        var login = ev.Accepted("h1", 2, "deploy", Ip, "publickey", pid: "900");
        for (var i = 0; i < 3; i++) ev.Accepted("h1", 3 + i, "backup", "198.51.100." + (10 + i), "publickey", pid: (910 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ev.History("h1", 10, "deploy", "/var/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 --donate-level=0");
        var chain = Assert.Single(ChainBuilder.Build(ev.Events, NoMatches, options));
        Assert.Equal(bruteForce, chain.Entry?.Kind == "ssh-bruteforce-success" && chain.Entry.EventId == login.Id);
    }

    [Theory]
    [MemberData(nameof(AtAndBelow))]
    public void AWindowsBruteForceSuccessOutlivesTheBoundOnPlainLogons(int offset, bool bruteForce)
    {
        var options = new ChainOptions { Knowledge = Options.Knowledge, MaxPlainLogins = 2 };
        var ev = new ChainEvents();
        for (var i = 0; i < Threshold + offset; i++)
            ev.Windows("win", i * 0.1, "4625", "logon_failed", ("user", "Administrator"), ("IpAddress", Ip), ("src_ip", Ip), ("LogonType", "3"), ("logon_type", "3"));
        var login = ev.Windows("win", 5, "4624", "logon_success", ("user", "Administrator"), ("src_ip", Ip), ("IpAddress", Ip), ("logon_type", "3"), ("logon_id", "0x10"));
        for (var i = 0; i < 3; i++)
            ev.Windows("win", 6 + i, "4624", "logon_success", ("user", "backup"), ("src_ip", "198.51.100." + (10 + i)), ("IpAddress", "198.51.100." + (10 + i)), ("logon_type", "3"), ("logon_id", "0x3" + i));
        ev.Windows("win", 12, "4688", "process_create", ("user", "Administrator"), ("command", "C:\\ProgramData\\x\\xmrig.exe -o pool.minexmr.com:4444 --donate-level=0"));
        var chain = Assert.Single(ChainBuilder.Build(ev.Events, NoMatches, options));
        Assert.Equal(bruteForce, chain.Entry?.Kind == "rdp-bruteforce-success" && chain.Entry.EventId == login.Id);
    }
}
