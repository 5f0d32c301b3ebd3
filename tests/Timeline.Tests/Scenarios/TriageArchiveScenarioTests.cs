using System.Text.Json.Nodes;
using Timeline.Core.Events;
using Timeline.Core.Store;
using Timeline.Core.Vocabulary;
using Timeline.Pipeline;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary>
/// Issue 12 "Done when": a scenario collected by UAC, CatScale and Velociraptor (archives built here,
/// <see cref="ScenarioArchives"/>) gives the same chain as the scenario folder, and the miner that was
/// still running at collection is in the case as live state of that host at the collection time.
/// <para>
/// "Same chain" is checked twice. (1) The scenario's ground truth (<c>expected-chain.json</c>) matches the
/// archive's contract exactly as <see cref="ScenarioTests"/> checks the folder. (2) The archive's whole
/// contract equals the folder's, field by field, after the archive display paths are mapped back to the
/// host paths the case records for each member (<c>x.tar.gz!/[root]/var/log/auth.log</c> → <c>var/log/auth.log</c>),
/// which is the folder's relative path: the whole contract, not only the ground-truth subset, so a step, IOC
/// or response action that the archive adds or loses is caught. Only the times of <c>file-mtime</c> steps are
/// left out of (2): git does not keep mtimes, so the folder's are the checkout time and the archive's the
/// member time — a difference of the copies, not of the chain.
/// </para>
/// </summary>
public sealed class TriageArchiveScenarioTests
{
    private const string Scenario = "ssh-bruteforce-cron-xmrig";

    /// <summary>When the collector ran: after the scenario's last event (05:02:17) on the same day.</summary>
    private static readonly DateTimeOffset CollectedAt = new(2024, 3, 2, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The copied files' times in the archives (before the collection; the folder's are git's checkout time).</summary>
    private static readonly DateTimeOffset MemberTime = new(2024, 3, 2, 5, 30, 0, TimeSpan.Zero);

    private static readonly string Folder = Path.GetFullPath(Path.Combine(ScenarioCase.ScenarioRoot, Scenario));

    private static readonly Lazy<ScenarioCase> FolderWithRules = new(() => ScenarioCase.Run(Scenario, withRules: true));
    private static readonly Lazy<ScenarioCase> FolderWithoutRules = new(() => ScenarioCase.Run(Scenario, withRules: false));

    public static TheoryData<string, bool> CollectorsAndRules()
    {
        var data = new TheoryData<string, bool>();
        foreach (var c in Collectors) { data.Add(c, false); data.Add(c, true); }
        return data;
    }

    public static TheoryData<string> CollectorNames() => new(Collectors);

    private static readonly string[] Collectors = ["uac", "catscale", "velociraptor"];

    private static string Host => (string)ScenarioCase.Expected(Scenario)["chains"]![0]!["host"]!;

    private static ScenarioArchives.Built Build(string collector, out ScenarioArchives.Miner miner)
    {
        var files = ScenarioArchives.Files(Folder);
        miner = ScenarioArchives.FindMiner(files);
        return collector switch
        {
            "uac" => ScenarioArchives.Uac(Host, files, miner, CollectedAt, MemberTime),
            "catscale" => ScenarioArchives.CatScale(Host, files, miner, CollectedAt, MemberTime),
            "velociraptor" => ScenarioArchives.Velociraptor(Host, files, miner, CollectedAt, MemberTime),
            _ => throw new ArgumentOutOfRangeException(nameof(collector), collector, null),
        };
    }

    /// <summary>
    /// Runs the archive; in the contract, each member's display path becomes its host path relative to
    /// the root (the folder's relative path), and so does the host path itself where the chain printed it
    /// (response targets and cron IOCs name the file where it was on the server).
    /// </summary>
    private static ScenarioCase RunArchive(ScenarioArchives.Built built, bool withRules)
    {
        var dir = Some.TempDir();
        var path = Path.Combine(dir, built.FileName);
        File.WriteAllBytes(path, built.Bytes);
        return ScenarioCase.Run([path], withRules, dir, store => store.Files()
            .Where(f => f.ArchiveSha256 is not null && f.HostPath is not null)
            .SelectMany(f => new[] { (f.Path, f.HostPath!.TrimStart('/')), (f.HostPath!, f.HostPath!.TrimStart('/')) }));
    }

    /// <summary>The evidence files of the case that hold live state (the collectors' command outputs): their display paths as the contract has them, and the id prefix of their events.</summary>
    private static (HashSet<string> Files, List<string> IdPrefixes) LiveEvidence(ScenarioCase run)
    {
        using var read = CaseStores.OpenForRead(run.CasePath);
        var live = read.Files().Where(f => f.Parser.StartsWith("live/", StringComparison.Ordinal) || f.Format.StartsWith("live/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(live);
        // The contract names a member relative to the archive's folder: "<archive file name>!/<member>".
        static string InContract(string path) => Path.GetFileName(path[..path.IndexOf("!/", StringComparison.Ordinal)]) + path[path.IndexOf("!/", StringComparison.Ordinal)..];
        return (live.Select(f => InContract(f.Path)).ToHashSet(StringComparer.Ordinal), live.Select(f => f.Sha256[..12] + "-").ToList());
    }

    [Theory]
    [MemberData(nameof(CollectorsAndRules))]
    public void TheArchiveGivesTheChainOfTheFolder(string collector, bool withRules)
    {
        var built = Build(collector, out var miner);
        var archive = RunArchive(built, withRules);

        var folder = Comparable((withRules ? FolderWithRules : FolderWithoutRules).Value.Contract, ([], []), miner.ProcessName, out _);
        var fromArchive = Comparable(archive.Contract, LiveEvidence(archive), miner.ProcessName, out var liveCitations);

        // The scenario's ground truth holds for the archive's chain once what only live state adds is set aside.
        var expected = ScenarioCase.Expected(Scenario);
        var truth = ContractMatch.Differences(new JsonObject { ["chains"] = expected["chains"]!.DeepClone() }, fromArchive, ContractMatch.ScenarioMode);
        Assert.True(truth.Count == 0, $"{collector} (rules: {withRules}) against expected-chain.json:\n" + string.Join("\n", truth));
        // The running miner's command line names the pool: the live row is cited as evidence too (more evidence, the same chain).
        Assert.True(liveCitations > 0, $"{collector} (rules: {withRules}): no part of the chain cites the live state");
        var diffs = ContractMatch.Differences(folder, fromArchive, ContractMatchMode.Subset).Concat(ContractMatch.Differences(fromArchive, folder, ContractMatchMode.Subset)).ToList();
        Assert.True(diffs.Count == 0 && JsonNode.DeepEquals(folder, fromArchive),
            $"{collector} (rules: {withRules}): the archive's chain differs from the folder's:\n" + string.Join("\n", diffs.Distinct()));
    }

    [Theory]
    [MemberData(nameof(CollectorNames))]
    public void TheRunningMinerIsLiveStateOfTheHostAtTheCollectionTime(string collector)
    {
        var built = Build(collector, out var miner);
        var run = RunArchive(built, withRules: false);
        using var read = CaseStores.OpenForRead(run.CasePath);
        var live = read.Events().Where(e => e.Parser.StartsWith("live/", StringComparison.Ordinal)).ToList();

        // The process list's row (ps, ps axwwSo, Pslist) and, for UAC, the per-pid cmdline.txt: the same command line.
        var rows = live.Where(e => e.Fields.Get(FieldNames.Event) == LiveStateEvents.Process && e.Fields.Get(FieldNames.Pid) == ScenarioArchives.MinerPid).ToList();
        Assert.Equal(collector == "uac" ? [ParserNames.LiveProcCmdline, ParserNames.LiveProcesses] : [collector == "velociraptor" ? ParserNames.LiveVelociraptor : ParserNames.LiveProcesses],
            rows.Select(e => e.Parser).Order(StringComparer.Ordinal).ToArray());
        Assert.All(rows, e => Assert.Equal(miner.Command, e.Fields.Get(FieldNames.Command)));
        var process = rows.First(e => e.Parser != ParserNames.LiveProcCmdline);
        Assert.Equal("root", process.Fields.Get(FieldNames.User));

        var connection = Assert.Single(live, e => e.Fields.Get(FieldNames.Event) == LiveStateEvents.Connection && e.Fields.Get(FieldNames.Pid) == ScenarioArchives.MinerPid);
        Assert.Equal(ScenarioArchives.PoolAddress, connection.Fields.Get(FieldNames.RemoteIp));
        Assert.Equal(miner.PoolPort, connection.Fields.Get(FieldNames.RemotePort));
        Assert.Equal(miner.ProcessName, connection.Fields.Get(FieldNames.Process));

        foreach (var e in rows.Append(connection))
        {
            Assert.Equal(Host, e.Host);
            Assert.Equal(built.CollectedAt.UtcTicks, e.Ticks);
            Assert.Equal(TimeQuality.Snapshot, e.TimeQuality);
            Assert.StartsWith(Path.GetFileName(built.FileName), Path.GetFileName(e.Origin.File.Split("!/")[0]), StringComparison.Ordinal);
        }
        var archiveRecord = Assert.Single(read.Files(), f => f.ArchiveSha256 is null && f.Path.EndsWith(built.FileName, StringComparison.Ordinal));
        Assert.Contains($"collected {built.CollectedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}", archiveRecord.HostNote, StringComparison.Ordinal);
        Assert.Contains($"host '{Host}'", archiveRecord.HostNote, StringComparison.Ordinal);
    }

    /// <summary>
    /// The chain names the running miner: its PID is in the contract's <c>liveState.processes</c> and in
    /// the response plan's kill step. Needs the chain side of issue 12 (branch feature/live-chain).
    /// </summary>
    [Theory]
    [MemberData(nameof(CollectorNames))]
    public void TheMinersPidIsInLiveStateAndInTheKillStep(string collector)
    {
        var built = Build(collector, out _);
        var chain = RunArchive(built, withRules: true).Contract["chains"]!.AsArray().Single(c => (string)c!["host"]! == Host)!;
        var processes = chain["liveState"]!["processes"]!.AsArray();
        Assert.Contains(processes, p => p!["pid"]!.ToString() == ScenarioArchives.MinerPid);
        var kill = Assert.Single(chain["response"]!.AsArray(), a => (string)a!["category"]! == "kill" && (string)a!["target"]! == "pid " + ScenarioArchives.MinerPid)!;
        // The kill step also names what would restart it: the crontab line of the scenario.
        Assert.Contains("crontabs/root", kill.ToJsonString(), StringComparison.Ordinal);
        // In the seed's order: isolate, block, remove persistence, then kill.
        var order = chain["response"]!.AsArray().Select(a => (string)a!["category"]!).ToList();
        Assert.True(order.LastIndexOf("remove") < order.IndexOf("kill") && order.LastIndexOf("block") < order.IndexOf("remove") && order.IndexOf("isolate") == 0, string.Join(",", order));
    }

    /// <summary>
    /// The contract without what only differs between copies — the time of a step timed by its file's
    /// mtime — and without the citations of live-state evidence (<paramref name="live"/>), which only the
    /// archive has; <paramref name="liveCitations"/> counts what was taken out.
    /// </summary>
    private static JsonObject Comparable(JsonObject contract, (HashSet<string> Files, List<string> IdPrefixes) live, string minerName, out int liveCitations)
    {
        var copy = contract.DeepClone().AsObject();
        var removed = 0;
        // With the running miner's PID known, the plan kills that PID instead of "every process named X": the
        // same step, told more precisely. Kill steps compare by category and target (the PID kill as the name
        // it must mention); response items compare without their running number (their place in the list
        // is the order), since live state may add a block before them.
        foreach (var chain in copy["chains"]!.AsArray())
            foreach (var action in chain!["response"]!.AsArray().OfType<JsonObject>())
            {
                action.Remove("order");
                if ((string?)action["category"] != "kill") continue;
                if ((string?)action["target"] == "pid " + ScenarioArchives.MinerPid)
                {
                    Assert.Contains(minerName, action.ToJsonString(), StringComparison.Ordinal);
                    action["target"] = minerName;
                    removed++;
                }
                foreach (var key in action.Select(p => p.Key).Where(k => k is not "category" and not "target").ToList()) action.Remove(key);
            }
        bool IsLiveId(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var id) && live.IdPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));
        bool IsLiveOrigin(JsonNode? n) => n is JsonObject o && o["file"] is JsonValue f && f.TryGetValue<string>(out var file) && live.Files.Contains(file);
        // Values only the live state can bring: the pool address the miner was connected to (it occurs in no
        // log of the scenario) and the miner's PID (the kill step names it).
        bool IsLiveValue(JsonNode? n) => n is not null && (n.ToJsonString().Contains(ScenarioArchives.PoolAddress, StringComparison.Ordinal)
            || n.ToJsonString().Contains("pid " + ScenarioArchives.MinerPid, StringComparison.Ordinal));
        void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if ((string?)(o["timeQuality"] as JsonValue) == "file-mtime") o.Remove("time");
                    if (o.Remove("liveState")) removed++; // the chain's live-state block (feature/live-chain): only an archive has one
                    foreach (var (key, value) in o.ToList())
                    {
                        if (value is JsonArray a)
                        {
                            var cites = key is "evidence" or "evidenceOrigins" or "eventIds" or "steps" or "events";
                            foreach (var item in a.Where(i => (key is not "chains" and not "steps" && IsLiveValue(i)) || (cites && (IsLiveId(i) || IsLiveOrigin(i) || (i is JsonObject io && IsLiveOrigin(io["origin"]))))).ToList())
                            {
                                a.Remove(item);
                                removed++;
                            }
                        }
                        Strip(o[key]);
                    }
                    break;
                case JsonArray arr:
                    foreach (var item in arr) Strip(item);
                    break;
            }
        }
        Strip(copy);
        liveCitations = removed;
        return copy;
    }
}
