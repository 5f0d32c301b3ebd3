using Timeline.Core.Findings;
using Timeline.Core.Ingest;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// The live state through the pipeline library: an existing scenario's files plus the process list and
/// socket table a collector saves (UAC's <c>live_response/process/ps_auxwww.txt</c> and
/// <c>live_response/network/ss_-tanp.txt</c>) give the same chain as the folder alone, plus the running
/// miner's PID in <c>liveState</c> and in the kill step.
/// </summary>
public sealed class LiveStateEndToEndTests
{
    private const string Scenario = "ssh-bruteforce-cron-xmrig";

    /// <summary>ps auxwww as procps prints it: the miner the crontab starts, still running; kernel threads in brackets.</summary>
    private const string PsAuxwww = """
        USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
        root           1  0.0  0.1 167740 11880 ?        Ss   Mar01   0:04 /sbin/init
        root           2  0.0  0.0      0     0 ?        S    Mar01   0:00 [kthreadd]
        root          91  0.0  0.0      0     0 ?        S    Mar01   0:00 [kswapd0]
        root         611  0.0  0.1  15432  9128 ?        Ss   Mar01   0:00 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups
        root        2804  398  2.9 2447428 236104 ?      Ssl  03:19 2231:42 /tmp/.X25-unix/.rsync/c/kswapd0 -B -o stratum+tcp://pool.supportxmr.com:3333 -u 48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD -p web01 --donate-level=0
        root        3120  0.0  0.0   7060  3320 pts/0    R+   09:58   0:00 ps auxwww

        """;

    /// <summary>ss -tanp as iproute2 prints it: sshd listening, the miner connected to the pool's address.</summary>
    private const string SsTanp = """
        State  Recv-Q Send-Q Local Address:Port   Peer Address:Port Process
        LISTEN 0      128          0.0.0.0:22          0.0.0.0:*     users:(("sshd",pid=611,fd=3))
        ESTAB  0      0           10.0.0.5:43210  198.51.100.7:3333  users:(("kswapd0",pid=2804,fd=12))

        """;

    private static IReadOnlyList<AttackChain> Chains(string folder)
    {
        var casePath = Path.Combine(Some.TempDir(), "case.db");
        using (var store = CaseStores.OpenForWrite(casePath))
        {
            IngestStep.Run(store, [folder], new IngestOptions());
            ChainStep.BuildAndStore(store);
        }
        using var reader = CaseStores.OpenForRead(casePath);
        return reader.Chains.Load();
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    [Fact]
    public void AScenarioWithItsProcessListAndSocketsGivesTheSameChainPlusTheRunningMiner()
    {
        var folder = Path.Combine(RepoPaths.SampleLogs, "scenarios", Scenario);
        var plain = Assert.Single(Chains(folder));

        var withLive = Path.Combine(Some.TempDir(), Scenario);
        Copy(folder, withLive);
        Directory.CreateDirectory(Path.Combine(withLive, "live_response", "process"));
        Directory.CreateDirectory(Path.Combine(withLive, "live_response", "network"));
        File.WriteAllText(Path.Combine(withLive, "live_response", "process", "ps_auxwww.txt"), PsAuxwww);
        File.WriteAllText(Path.Combine(withLive, "live_response", "network", "ss_-tanp.txt"), SsTanp);
        var live = Assert.Single(Chains(withLive));

        // The same story: entry, mining start and every step of the folder alone, in the same order.
        Assert.Equal(plain.Entry!.Kind, live.Entry!.Kind);
        Assert.Equal(plain.Entry.Ticks, live.Entry.Ticks);
        Assert.Equal((Path.GetFileName(plain.Steps[0].Origin.File), plain.Steps[0].Origin.Position), (Path.GetFileName(live.Steps[0].Origin.File), live.Steps[0].Origin.Position));
        Assert.Equal(plain.MiningStartTicks, live.MiningStartTicks);
        var plainSteps = plain.Steps.Select(s => (s.Phase, s.Ticks, s.Summary)).ToList();
        var liveSteps = live.Steps.Select(s => (s.Phase, s.Ticks, s.Summary)).Where(plainSteps.Contains).ToList();
        Assert.Equal(plainSteps, liveSteps);

        // Plus the miner still running at collection, its pool connection and the kill by PID.
        Assert.NotNull(live.LiveState);
        var miner = Assert.Single(live.LiveState!.Processes);
        Assert.Equal((2804, "root", 398.0, true), (miner.Pid, miner.User, miner.Cpu, miner.Mining));
        Assert.Equal("198.51.100.7:3333", Assert.Single(live.LiveState.Connections, c => c.Pid == 2804).Remote);
        var kill = Assert.Single(live.Response, a => a.Category == "kill" && a.Target == "pid 2804");
        Assert.Contains("cron line", kill.Action);
        Assert.Contains(live.Indicators, i => i.Type == "pool" && i.Value == "198.51.100.7:3333");
        Assert.Null(plain.LiveState);
    }
}
