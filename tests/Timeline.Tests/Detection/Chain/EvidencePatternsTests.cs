using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>The path and log-line pattern data (<c>sigma/patterns/</c>): sourced, complete, and loud when broken.</summary>
public sealed class EvidencePatternsTests
{
    private static readonly EvidencePatterns Bundled = EvidencePatterns.Load(Path.Combine(RepoPaths.Sigma, "patterns"));

    [Fact]
    public void EveryBundledListNamesItsSourceAndTheCodeFindsAllItNeeds()
    {
        Assert.Equal(EvidencePatterns.Required.Order(StringComparer.Ordinal), Bundled.Lists.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.All(Bundled.Lists, l => Assert.False(string.IsNullOrWhiteSpace(l.Source), l.Name));
    }

    private static string Write(string yaml)
    {
        var dir = Some.TempDir();
        // A complete set, then the list under test overrides one of them.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Sigma, "patterns"), "*.yml")) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(dir, "syslog-lines.yml"), yaml);
        return dir;
    }

    private const string OtherSyslogLists =
        "  xmrig-log-lines: { compare: contains, source: x, values: [a] }\n  xmrig-log-shares: { compare: contains, source: x, values: [a] }\n" +
        "  xmrig-log-names: { compare: contains, source: x, values: [a] }\n  redis-rdb-write: { compare: contains, source: x, values: [a] }\n" +
        "  redis-replica-of: { compare: contains, source: x, values: [a] }\n";

    [Fact]
    public void TheBundledSetLoadsThroughTheSameHarness() =>
        Assert.NotNull(EvidencePatterns.Load(Write(File.ReadAllText(Path.Combine(RepoPaths.Sigma, "patterns", "syslog-lines.yml")))));

    [Theory]
    // No source, with file and line of the list.
    [InlineData("lists:\n  msr-write:\n    compare: linear-regex\n    values: ['by (?<comm>\\S+) \\(pid: (?<pid>\\d+)\\)']\n", "syslog-lines.yml:3", "source")]
    // Unknown key (a typo of `values` would otherwise drop the list's knowledge).
    [InlineData("lists:\n  msr-write:\n    compare: linear-regex\n    source: x\n    value: ['(?<comm>a)(?<pid>b)']\n", "syslog-lines.yml:3", "unknown key 'value'")]
    // Bad regex, and a construct the linear engine cannot run.
    [InlineData("lists:\n  msr-write:\n    compare: linear-regex\n    source: x\n    values: ['(?<comm>a(?<pid>b)']\n", "syslog-lines.yml:3", "msr-write")]
    [InlineData("lists:\n  msr-write:\n    compare: linear-regex\n    source: x\n    values: ['(?<=x)(?<comm>a)(?<pid>b)']\n", "syslog-lines.yml:3", "msr-write")]
    // The code reads groups comm and pid.
    [InlineData("lists:\n  msr-write:\n    compare: linear-regex\n    source: x\n    values: ['by (?<comm>\\S+)']\n", "must be a regex list", "comm, pid")]
    // A list the code needs is missing.
    [InlineData("lists:\n  xmrig-log-lines: { compare: contains, source: x, values: [a] }\n", "missing pattern list", "msr-write")]
    public void ABrokenListFailsTheLoad(string head, string where, string message)
    {
        var yaml = head.Contains("xmrig-log-lines", StringComparison.Ordinal) ? head : head + OtherSyslogLists;
        var ex = Assert.Throws<ChainKnowledgeException>(() => EvidencePatterns.Load(Write(yaml)));
        Assert.Contains(where, ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("benign-paths", "/etc/passwd", true)]
    [InlineData("benign-paths", "/etc/passwd.bak", false)]
    [InlineData("never-remove-prefixes", "~/.configrc/a", true)]
    [InlineData("never-remove-prefixes", "/tmp/~x", false)]
    [InlineData("staging-prefixes", "/dev/shm/x", true)]
    [InlineData("staging-prefixes", "/home/u/tmp/x", false)]
    [InlineData("staging-prefixes", "/TMP/x", false)]
    [InlineData("key-directories", "/root/.ssh/", true)]
    [InlineData("persistence-files", "/etc/rc.local", true)]
    [InlineData("persistence-files", "/etc/rc.local.bak", false)]
    [InlineData("cron-spool-tables", "crontabs/redis", true)]
    [InlineData("cron-spool-tables", "/etc/anacrontab", true)]
    [InlineData("cron-spool-tables", "/var/log/cron", false)]
    [InlineData("windows-drop-folders", "C:\\USERS\\PUBLIC\\", true)]
    [InlineData("windows-service-folders", "C:\\Windows\\System32\\svchost.exe", false)]
    [InlineData("xmrig-log-names", "[2024-01-01] XMRig/6.21 started", true)]
    [InlineData("xmrig-log-shares", "net new job from pool:443 DIFF 1000", false)]
    [InlineData("redis-rdb-write", "Failed opening the RDB file root (in server root dir /var/spool/cron) for saving", true)]
    [InlineData("redis-rdb-write", "Failed opening the RDB file dump.rdb (in server root dir /data) for saving", false)]
    [InlineData("redis-replica-of", "REPLICAOF 1.2.3.4:6379 enabled (user request from 'id=5')", true)]
    [InlineData("redis-replica-of", "REPLICAOF would result into synchronization with the master we are already connected with", false)]
    public void ListsMatchAsTheirCompareSays(string list, string text, bool expected) =>
        Assert.Equal(expected, Bundled.Matches(list, text));

    [Fact]
    public void TheMsrLineGivesTheProcessAndPid()
    {
        var m = Bundled.FirstMatch("msr-write", "kernel: [  12.3] msr: Write to unrecognized MSR 0x1a4 by kswapd0 (pid: 4242).");
        Assert.NotNull(m);
        Assert.Equal("kswapd0", m.Groups["comm"].Value);
        Assert.Equal("4242", m.Groups["pid"].Value);
        // Case matters: a line that only looks like it is not the kernel's.
        Assert.Null(Bundled.FirstMatch("msr-write", "MSR: WRITE TO UNRECOGNIZED MSR 0x1a4 BY kswapd0 (PID: 4242)"));
    }
}
