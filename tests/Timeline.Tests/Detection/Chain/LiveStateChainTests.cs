using System.Globalization;
using System.Text.Json.Nodes;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Output;
using Timeline.Core.Vocabulary;
using Timeline.Detection.Chain;
using Timeline.Tests.Scenarios;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// The chain uses live state (issue 12): rows shaped exactly as the <c>live/*</c> parsers emit them
/// (event kind, process/socket fields, the collection time with <see cref="TimeQuality.Snapshot"/>)
/// make a miner "still running at collection" with its PID, user, CPU and pool, never move the entry or
/// the mining start, fill the contract's <c>liveState</c> and the kill step.
/// </summary>
public sealed class LiveStateChainTests
{
    private static readonly ChainOptions Options = new() { Knowledge = ChainKnowledge.Load(RepoPaths.Sigma) };
    private static readonly Dictionary<string, List<RuleMatch>> NoMatches = [];
    /// <summary>The collector ran ten hours after <see cref="ChainEvents.T0"/>.</summary>
    private static readonly long Collected = ChainEvents.T0.AddHours(10).Ticks;

    private static IReadOnlyList<AttackChain> Build(ChainEvents ev) => ChainBuilder.Build(ev.Events, NoMatches, Options);

    /// <summary>A <c>ps auxwww</c> row as live/ps emits it.</summary>
    private static EventRecord Ps(ChainEvents ev, string host, int pid, string user, double cpu, string command, int? ppid = null, long? at = null, TimeQuality quality = TimeQuality.Snapshot)
    {
        var fields = new List<(string, string)>
        {
            (FieldNames.Event, LiveStateEvents.Process), (FieldNames.Pid, pid.ToString(CultureInfo.InvariantCulture)), (FieldNames.User, user),
            (FieldNames.Cpu, cpu.ToString("0.0", CultureInfo.InvariantCulture)), (FieldNames.Mem, "1.2"), (FieldNames.Command, command),
        };
        if (ppid is { } p) fields.Add((FieldNames.Ppid, p.ToString(CultureInfo.InvariantCulture)));
        return ev.Add(host, ParserNames.LiveProcesses, at ?? Collected, quality,
            $"{user} {pid} {cpu.ToString("0.0", CultureInfo.InvariantCulture)} 1.2 2323232 45678 ? Ssl 09:58 10:01 {command}", [.. fields]);
    }

    /// <summary>An <c>ss -tanp</c> ESTAB row as live/ss emits it.</summary>
    private static EventRecord Ss(ChainEvents ev, string host, int pid, string process, string remoteIp, string remotePort, long? at = null, TimeQuality quality = TimeQuality.Snapshot) =>
        ev.Add(host, ParserNames.LiveSockets, at ?? Collected, quality,
            $"ESTAB 0 0 10.0.0.5:43210 {remoteIp}:{remotePort} users:((\"{process}\",pid={pid},fd=12))",
            (FieldNames.Event, LiveStateEvents.Connection), (FieldNames.Protocol, "tcp"), (FieldNames.State, "ESTAB"),
            (FieldNames.LocalIp, "10.0.0.5"), (FieldNames.LocalPort, "43210"), (FieldNames.RemoteIp, remoteIp), (FieldNames.RemotePort, remotePort),
            (FieldNames.Pid, pid.ToString(CultureInfo.InvariantCulture)), (FieldNames.Process, process));

    /// <summary>An attacker logon after a brute force, so the host has a chain whatever the live state says.</summary>
    private static EventRecord BruteForce(ChainEvents ev, string host = "web01")
    {
        ev.Failures(host, "203.0.113.45", 0, 8, "root", "admin");
        return ev.Accepted(host, 2, "root", "203.0.113.45");
    }

    private static LiveProcess Listed(AttackChain chain, int pid) => Assert.Single(chain.LiveState!.Processes, p => p.Pid == pid);

    [Fact]
    public void AConnectionToAPoolHostMakesAMinerWhateverItsCpu()
    {
        var ev = new ChainEvents();
        Ps(ev, "web01", 3101, "www-data", 0.4, "/usr/sbin/apache-helper -q");
        // lsof/ss without -n print the peer's name.
        Ss(ev, "web01", 3101, "apache-helper", "pool.supportxmr.com", "443");
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 3101);
        Assert.True(p.Mining);
        Assert.Contains("pool.supportxmr.com:443 is a mining pool", p.Why);
        var c = Assert.Single(chain.LiveState!.Connections);
        Assert.Equal((3101, "pool.supportxmr.com:443"), (c.Pid, c.Remote));
        Assert.Contains(chain.Steps, s => s.Phase == AttackPhase.Mining && s.Summary.Contains("PID 3101", StringComparison.Ordinal) && s.TimeQuality == TimeQuality.Snapshot);
    }

    [Fact]
    public void AKnownPoolPortMakesAMinerOnlyWithABusyCpu()
    {
        var ev = new ChainEvents();
        BruteForce(ev);
        Ps(ev, "web01", 4100, "www-data", 97.5, "/usr/local/bin/updater");
        Ss(ev, "web01", 4100, "updater", "198.51.100.7", "3333");
        Ps(ev, "web01", 4200, "bob", 0.1, "/usr/bin/monitor-agent");
        Ss(ev, "web01", 4200, "monitor-agent", "198.51.100.8", "3333");
        var chain = Assert.Single(Build(ev));
        var busy = Listed(chain, 4100);
        Assert.True(busy.Mining);
        Assert.Contains("port 3333 is a known pool port", busy.Why);
        Assert.Contains("97.5 % CPU", busy.Why);
        // The idle one is listed (a pool port is worth a look) but is not a miner.
        Assert.False(Listed(chain, 4200).Mining);
        Assert.Contains(chain.Indicators, i => i.Type == "pool" && i.Value == "198.51.100.7:3333");
        Assert.DoesNotContain(chain.Indicators, i => i.Value == "198.51.100.8:3333");
    }

    [Fact]
    public void AStratumUrlOnTheCommandLineMakesAMiner()
    {
        var ev = new ChainEvents();
        Ps(ev, "web01", 5150, "redis", 12.0, "./.cache/srv -o stratum+tcp://203.0.113.9:14444 -k");
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 5150);
        Assert.True(p.Mining);
        Assert.Contains("stratum+tcp://", p.Why);
        Assert.Contains(chain.Indicators, i => i.Type == "pool" && i.Value == "203.0.113.9:14444");
    }

    [Fact]
    public void AKernelThreadNameOnABusyUserProcessIsAMiner()
    {
        var ev = new ChainEvents();
        Ps(ev, "web01", 7001, "www-data", 390.2, "kswapd0", ppid: 1);
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 7001);
        Assert.True(p.Mining);
        Assert.Contains("named like the kernel thread 'kswapd0'", p.Why);
        Assert.Contains("not shown in brackets", p.Why);
        Assert.Contains("runs as 'www-data'", p.Why);
        Assert.Contains("T1036.005", Assert.Single(chain.Steps, s => s.Phase == AttackPhase.Mining).Techniques);
    }

    public static TheoryData<string, (string, string)[]> DeletedProgramRows => new()
    {
        // live/lsof: the FD txt row of a deleted file — path without the suffix, exe set, problem=deleted.
        { ParserNames.LiveOpenFiles, [(FieldNames.Event, LiveStateEvents.OpenFile), (FieldNames.Pid, "2468"), (FieldNames.User, "root"), (FieldNames.Process, "sshd-upd"),
            (FieldNames.Path, "/usr/local/bin/sshd-upd"), (FieldNames.Exe, "/usr/local/bin/sshd-upd"), (FieldNames.Problem, "deleted")] },
        // The same row with lsof's NAME kept whole.
        { ParserNames.LiveOpenFiles, [(FieldNames.Event, LiveStateEvents.OpenFile), (FieldNames.Pid, "2468"), (FieldNames.User, "root"), (FieldNames.Process, "sshd-upd"),
            (FieldNames.Path, "/usr/local/bin/sshd-upd (deleted)")] },
        // live/proc: ls -l /proc/2468/exe — the link's target without the suffix, problem=deleted.
        { ParserNames.LiveProc, [(FieldNames.Event, LiveStateEvents.Process), (FieldNames.Pid, "2468"), (FieldNames.User, "root"), (FieldNames.Process, "sshd-upd"),
            (FieldNames.Exe, "/usr/local/bin/sshd-upd"), (FieldNames.Problem, "deleted")] },
    };

    [Theory]
    [MemberData(nameof(DeletedProgramRows))]
    public void ADeletedProgramOnABusyProcessIsAMiner(string parser, (string, string)[] fields)
    {
        var ev = new ChainEvents();
        Ps(ev, "web01", 2468, "root", 180.0, "/usr/local/bin/sshd-upd -B");
        ev.Add("web01", parser, Collected, TimeQuality.Snapshot, "sshd-upd 2468 root txt REG 8,1 2183400 131 /usr/local/bin/sshd-upd (deleted)", fields);
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 2468);
        Assert.True(p.Mining);
        Assert.Contains("was deleted while it runs", p.Why);
        Assert.Equal("/usr/local/bin/sshd-upd", p.Exe);
        Assert.Contains(chain.Indicators, i => i.Type == "file" && i.Value == "/usr/local/bin/sshd-upd" && i.Role.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public void LsofsProgramTextGivesTheExecutableItsPlace()
    {
        var ev = new ChainEvents();
        ev.Add("web01", ParserNames.LiveOpenFiles, Collected, TimeQuality.Snapshot, "php-fpm 5151 www-data txt REG 8,1 2183400 131 /tmp/.ICE-unix/php-fpm",
            (FieldNames.Event, LiveStateEvents.OpenFile), (FieldNames.Pid, "5151"), (FieldNames.User, "www-data"), (FieldNames.Process, "php-fpm"),
            (FieldNames.Path, "/tmp/.ICE-unix/php-fpm"), (FieldNames.Exe, "/tmp/.ICE-unix/php-fpm"));
        Ps(ev, "web01", 5151, "www-data", 310.0, "php-fpm: pool www");
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 5151);
        Assert.True(p.Mining);
        Assert.Contains("runs from /tmp/.ICE-unix/php-fpm", p.Why);
    }

    [Fact]
    public void ABusyProgramInDevShmIsAMiner()
    {
        var ev = new ChainEvents();
        Ps(ev, "web01", 9090, "nobody", 255.0, "/dev/shm/.x/worker --threads 4");
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 9090);
        Assert.True(p.Mining);
        Assert.Contains("runs from /dev/shm/.x/worker", p.Why);
    }

    [Fact]
    public void RulesOnALiveRowJoinItsProcessInsteadOfMakingAStepOfTheirOwn()
    {
        var ev = new ChainEvents();
        var ps = Ps(ev, "web01", 3300, "www-data", 2.0, "/usr/bin/perl -e run");
        var matches = new Dictionary<string, List<RuleMatch>>
        {
            [ps.Id] = [new RuleMatch(ps.Id, "rule-mining", "Linux Crypto Mining Indicators", "high", ["attack.impact", "attack.t1496"], "test")],
        };
        var chain = Assert.Single(ChainBuilder.Build(ev.Events, matches, Options));
        var p = Listed(chain, 3300);
        Assert.True(p.Mining);
        Assert.Contains("matched 'Linux Crypto Mining Indicators' (high)", p.Why);
        var step = Assert.Single(chain.Steps, s => s.EventId == ps.Id);
        Assert.Equal(["rule-mining"], step.RuleIds);
        Assert.Equal(AttackPhase.Mining, step.Phase);
    }

    [Fact]
    public void RealKernelThreadsAndBusyBuildsAreNotMiners()
    {
        var ev = new ChainEvents();
        BruteForce(ev);
        Ps(ev, "web01", 91, "root", 0.0, "[kswapd0]", ppid: 2);
        Ps(ev, "web01", 92, "root", 63.0, "[kworker/1:2-events]", ppid: 2);
        Ps(ev, "web01", 5000, "dev", 185.0, "/usr/bin/dotnet build -c Release");
        Ps(ev, "web01", 5001, "dev", 190.0, "/home/dev/.dotnet/dotnet build src/App.csproj");
        Ps(ev, "web01", 5002, "dev", 99.0, "/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus -quiet main.cpp");
        // top prints comm, no brackets, for kernel threads too.
        ev.Add("web01", ParserNames.LiveTop, Collected, TimeQuality.Snapshot, "   93 root      20   0       0      0      0 R  60.0   0.0   1:02.11 kswapd0",
            (FieldNames.Event, LiveStateEvents.Process), (FieldNames.Pid, "93"), (FieldNames.User, "root"), (FieldNames.Cpu, "60.0"), (FieldNames.Command, "kswapd0"));
        var chain = Assert.Single(Build(ev));
        Assert.NotNull(chain.LiveState);
        Assert.Empty(chain.LiveState!.Processes);
        Assert.Null(chain.MiningStartTicks);
        Assert.DoesNotContain(chain.Steps, s => s.Phase == AttackPhase.Mining);
    }

    [Fact]
    public void AFakeBracketedKernelThreadIsNotOne()
    {
        var ev = new ChainEvents();
        // argv[0] set to "[kthreadd]" by a process whose parent is a shell, not kthreadd.
        Ps(ev, "web01", 6100, "root", 88.0, "[kthreadd]", ppid: 6099);
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 6100);
        Assert.True(p.Mining);
        Assert.Contains("its parent is PID 6099, not kthreadd", p.Why);
    }

    [Fact]
    public void ABracketedNameTheParserSawWithUserMemoryIsNotAKernelThread()
    {
        // A miner that rewrote argv to "[kswapd0]" and even reports kthreadd as parent (a forged PPID is not
        // possible, but a reparented daemon of PID 2 is): the ps parser saw user memory (VSZ > 0) and said
        // kernel_thread=false; that verdict alone tells it apart.
        var ev = new ChainEvents();
        var row = Ps(ev, "web01", 6200, "root", 97.0, "[kswapd0]", ppid: 2);
        ev.Add(row.Host, row.Parser, row.Ticks, row.TimeQuality, row.Message + " ", (FieldNames.Event, LiveStateEvents.Process), (FieldNames.Pid, "6200"),
            (FieldNames.KernelThread, "false"));
        var chain = Assert.Single(Build(ev));
        var p = Listed(chain, 6200);
        Assert.True(p.Mining);
        Assert.Contains("ps shows it with user memory or a parent other than kthreadd", p.Why);

        var real = new ChainEvents();
        Ps(real, "web01", 91, "root", 0.0, "[kswapd0]", ppid: 2);
        real.Add("web01", ParserNames.LiveProcesses, Collected, TimeQuality.Snapshot, "root 91 0.0 0.0 0 0 ? S 09:13 0:00 [kswapd0] ", (FieldNames.Event, LiveStateEvents.Process), (FieldNames.Pid, "91"),
            (FieldNames.KernelThread, "true"));
        BruteForce(real);
        Assert.Empty(Assert.Single(Build(real)).LiveState!.Processes);
    }

    [Fact]
    public void SnapshotTimesNeverMoveTheEntryOrTheMiningStart()
    {
        var ev = new ChainEvents();
        var login = BruteForce(ev);
        var run = ev.History("web01", 5, "root", "/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 -B");
        // A process list whose collection time is unknown: stamped with the file's mtime, here (wrongly) a day before.
        var before = ChainEvents.T0.AddDays(-1).Ticks;
        Ps(ev, "web01", 7001, "root", 390.0, "/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 -B", at: before, quality: TimeQuality.Snapshot | TimeQuality.FileMtime);
        Ss(ev, "web01", 7001, "xmrig", "pool.supportxmr.com", "443", at: before, quality: TimeQuality.Snapshot | TimeQuality.FileMtime);
        var chain = Assert.Single(Build(ev));
        Assert.Equal(login.Id, chain.Entry!.EventId);
        Assert.Equal(run.Ticks, chain.MiningStartTicks);
        Assert.Contains("Mining started at", chain.RootCause);
        Assert.True(Listed(chain, 7001).Mining);

        // The same with the collector's own time after the evidence: nothing changes either.
        var later = new ChainEvents();
        var login2 = BruteForce(later);
        var run2 = later.History("web01", 5, "root", "/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 -B");
        Ps(later, "web01", 7001, "root", 390.0, "/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 -B");
        var chain2 = Assert.Single(Build(later));
        Assert.Equal(login2.Id, chain2.Entry!.EventId);
        Assert.Equal(run2.Ticks, chain2.MiningStartTicks);
        Assert.Equal(Collected, chain2.Steps[^1].Ticks);
    }

    [Fact]
    public void WhenOnlyTheLiveStateShowsMiningItsTimeIsTheCollectionAndSaysSo()
    {
        var ev = new ChainEvents();
        var login = BruteForce(ev);
        Ps(ev, "web01", 7001, "www-data", 390.0, "kswapd0", ppid: 1);
        var chain = Assert.Single(Build(ev));
        Assert.Equal(login.Id, chain.Entry!.EventId);
        Assert.Equal(Collected, chain.MiningStartTicks);
        Assert.Contains("still running when the evidence was collected", chain.RootCause);
        Assert.Contains("which is not when it started", Assert.Single(chain.Steps, s => s.Phase == AttackPhase.Mining).Why);
    }

    [Fact]
    public void TheContractCarriesLiveStateWithTheListedProcessesAndTheirPoolConnections()
    {
        var ev = new ChainEvents();
        BruteForce(ev);
        var ps = Ps(ev, "web01", 4242, "www-data", 398.5, "/var/tmp/.font-unix/kswapd0 -c /var/tmp/.font-unix/c.json", ppid: 1);
        Ps(ev, "web01", 1, "root", 0.0, "/sbin/init");
        var ss = Ss(ev, "web01", 4242, "kswapd0", "198.51.100.7", "3333");
        Ss(ev, "web01", 812, "sshd", "203.0.113.45", "50000");
        var json = ChainJson.ToText(Build(ev));
        var expected = $$$"""
            {"chains":[{"liveState":{
              "collectedAt":"{{{TimeText.Format(Collected)}}}",
              "processes":[{"pid":4242,"user":"www-data","command":"/var/tmp/.font-unix/kswapd0 -c /var/tmp/.font-unix/c.json","cpu":398.5,"mining":true,"eventIds":["{{{ps.Id}}}"]}],
              "connections":[{"pid":4242,"process":"kswapd0","remote":"198.51.100.7:3333","eventIds":["{{{ss.Id}}}"]}]}}]}
            """;
        var actual = JsonNode.Parse(json);
        Assert.Empty(ContractMatch.Differences(JsonNode.Parse(expected), actual, ContractMatchMode.Strict));
        var live = actual!["chains"]![0]!["liveState"]!;
        Assert.False(string.IsNullOrWhiteSpace(live["processes"]![0]!["why"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(live["connections"]![0]!["why"]!.GetValue<string>()));
    }

    [Fact]
    public void WithoutLiveEvidenceTheContractSaysNull()
    {
        var ev = new ChainEvents();
        BruteForce(ev);
        var chain = JsonNode.Parse(ChainJson.ToText(Build(ev)))!["chains"]![0]!.AsObject();
        Assert.True(chain.ContainsKey("liveState"));
        Assert.Null(chain["liveState"]);
    }

    [Fact]
    public void TheKillStepNamesThePidAndWhatRestartsIt()
    {
        var ev = new ChainEvents();
        BruteForce(ev);
        const string exe = "/var/tmp/.font-unix/php-fpm";
        var unit = ev.Add("web01", ParserNames.SystemdUnit, ChainEvents.T0.AddMinutes(-500).Ticks, TimeQuality.FileMtime, $"ExecStart={exe} --pool",
            (FieldNames.Event, PersistenceEvents.SystemdExec), (FieldNames.Unit, "php-fpm-update.service"), (FieldNames.Command, $"{exe} --pool"));
        var cron = ev.Add("web01", ParserNames.Crontab, null, TimeQuality.OrderOnly, $"*/10 * * * * {exe} >/dev/null 2>&1",
            (FieldNames.Event, PersistenceEvents.CrontabEntry), (FieldNames.CronUser, "www-data"), (FieldNames.Schedule, "*/10 * * * *"), (FieldNames.Command, $"{exe} >/dev/null 2>&1"), (FieldNames.Table, "user"));
        var ps = Ps(ev, "web01", 4242, "www-data", 380.0, exe + " --pool");
        Ss(ev, "web01", 4242, "php-fpm", "198.51.100.7", "3333");
        var chain = Assert.Single(Build(ev));

        var kill = Assert.Single(chain.Response, a => a.Category == "kill" && a.Target == "pid 4242");
        Assert.Contains("Kill PID 4242 (php-fpm, user www-data, 380 % CPU, /var/tmp/.font-unix/php-fpm)", kill.Action);
        Assert.Contains("systemd unit php-fpm-update.service", kill.Action);
        Assert.Contains("cron line", kill.Action);
        Assert.Contains(ps.Id, kill.EvidenceEventIds);
        Assert.Contains(unit.Id, kill.EvidenceEventIds);
        Assert.Contains(cron.Id, kill.EvidenceEventIds);
        // Both restarters are removed before the kill, after the pool is blocked: isolate → block → remove → kill.
        var order = chain.Response.Select(a => a.Category).ToList();
        Assert.True(order.IndexOf("isolate") < order.IndexOf("block") && order.LastIndexOf("block") < order.IndexOf("remove") && order.LastIndexOf("remove") < order.IndexOf("kill"));
        Assert.Contains(chain.Response, a => a.Category == "block" && a.Target == "198.51.100.7:3333");
        Assert.Contains(chain.Response, a => a.Category == "remove" && a.EvidenceEventIds.Contains(unit.Id));
        Assert.Contains(chain.Response, a => a.Category == "remove" && a.EvidenceEventIds.Contains(cron.Id));
        Assert.DoesNotContain(chain.Response, a => a.Category == "kill" && a.Action.StartsWith("Kill every process named php-fpm", StringComparison.Ordinal));
    }

    [Fact]
    public void TheKillStepNamesTheKeyTheAttackerCameBackWith()
    {
        var ev = new ChainEvents();
        ev.Accepted("web01", -180, "root", "198.51.100.10", "publickey", "SHA256:adminkeyadminkeyadminkeyadminkeyadminkeyadm", "100");
        ev.Failures("web01", "203.0.113.45", 0, 8, "root");
        ev.Accepted("web01", 2, "root", "203.0.113.45", pid: "300");
        ev.History("web01", 3, "root", "echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostileKeyHostileKeyHostileKeyHostileKeyHos x' >> /root/.ssh/authorized_keys");
        var back = ev.Accepted("web01", 60, "root", "203.0.113.45", "publickey", "SHA256:plantedplantedplantedplantedplantedplanted", "400");
        Ps(ev, "web01", 4242, "root", 300.0, "/root/.configrc/a/kswapd0");
        var chain = Assert.Single(Build(ev));
        var kill = Assert.Single(chain.Response, a => a.Target == "pid 4242");
        Assert.Contains("the attacker's key SHA256:plantedplantedplantedplantedplantedplanted", kill.Action);
        Assert.Contains(back.Id, kill.EvidenceEventIds);
    }

    [Fact]
    public void LastRowsFromTheAttackersAddressAreLogonCandidates()
    {
        var ev = new ChainEvents();
        // auth.log is gone; btmp and wtmp (lastb/last output) remain.
        for (var i = 0; i < 8; i++)
            ev.Add("web01", ParserNames.LiveLogins, ChainEvents.T0.AddMinutes(i * 0.1).Ticks, TimeQuality.Exact, $"root ssh:notty 203.0.113.45 Sat Jun 1 10:0{i / 10} - 10:00 (00:00)",
                (FieldNames.Event, LiveStateEvents.FailedLogin), (FieldNames.User, "root"), (FieldNames.SrcIp, "203.0.113.45"), (FieldNames.Tty, "ssh:notty"));
        var login = ev.Add("web01", ParserNames.LiveLogins, ChainEvents.T0.AddMinutes(2).Ticks, TimeQuality.Exact, "root pts/0 203.0.113.45 Sat Jun 1 10:02 still logged in",
            (FieldNames.Event, LiveStateEvents.Login), (FieldNames.User, "root"), (FieldNames.SrcIp, "203.0.113.45"), (FieldNames.Tty, "pts/0"));
        ev.History("web01", 5, "root", "/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 -B");
        var chain = Assert.Single(Build(ev));
        Assert.Equal(login.Id, chain.Entry!.EventId);
        Assert.Equal("ssh-bruteforce-success", chain.Entry.Kind);
        Assert.Contains("8 failed logons from 203.0.113.45", chain.Entry.Why);
    }

    [Fact]
    public void ALastRowOfALogonSshdAlreadyToldIsNotASecondLogon()
    {
        var ev = new ChainEvents();
        var sshd = BruteForce(ev);
        ev.Add("web01", ParserNames.LiveLogins, ChainEvents.T0.AddMinutes(2).Ticks, TimeQuality.Exact, "root pts/0 203.0.113.45 Sat Jun 1 10:02 still logged in",
            (FieldNames.Event, LiveStateEvents.Login), (FieldNames.User, "root"), (FieldNames.SrcIp, "203.0.113.45"), (FieldNames.Tty, "pts/0"));
        ev.History("web01", 5, "root", "/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:443 -B");
        var chain = Assert.Single(Build(ev));
        Assert.Equal(sshd.Id, chain.Entry!.EventId);
        Assert.DoesNotContain(chain.RunnersUp, r => r.SourceIp == "203.0.113.45");
    }
}
