using System.Globalization;
using Timeline.Core.Findings;
using Timeline.Core.Vocabulary;

namespace Timeline.Detection.Chain;

/// <summary>
/// Reads a host's live state once the pass is over and lists the processes that were running at
/// collection with signs of a miner or of hiding. Each sign is one <c>why</c>:
/// <list type="bullet">
/// <item>miner signs (any one makes a miner): miner options or a stratum URL, a pool host or a wallet on
/// the command line, a known miner program name, a connection whose peer is a pool or the pool endpoint
/// the command line names (<c>sigma/indicators/</c>);</item>
/// <item>hiding signs (a miner only with a busy CPU, <see cref="ChainOptions.BusyCpuPercent"/>): a
/// kernel-thread name on a process that is not a kernel thread, a program run from a staging place or a
/// hidden directory (per-user tool installs excepted), a deleted program, a connection to a known pool
/// port (<c>sigma/patterns/processes.yml</c>, <c>paths.yml</c>, <c>indicators/ports.yml</c>).</item>
/// </list>
/// A busy CPU alone is never a sign: compilers and runtimes are busy too. A real kernel thread (bracketed
/// or a bare top name, root, no program file, parent kthreadd) has no signs whatever its CPU.
/// Miners become strong <see cref="AnalyticKinds.LiveMiner"/> signals ("still running at collection");
/// processes with hiding signs only become weak <see cref="AnalyticKinds.LiveProcess"/> signals. Cron
/// lines and systemd units that start a listed miner's program are promoted to strong persistence.
/// Sigma rules on a live row join its process: one tagged with a mining technique (<c>miningTechniques</c>:
/// the ids of <see cref="AnalyticKinds.LiveMiner"/> in <c>sigma/techniques.yml</c>) is a miner sign, another
/// high or critical one a reason to list it.
/// </summary>
public sealed class LiveMinerFinder(IndicatorCatalog indicators, EvidencePatterns patterns, ChainOptions options, IReadOnlyList<string> miningTechniques)
{
    /// <summary>kthreadd's PID: every kernel thread but itself is its child; 0 is kthreadd's own parent.</summary>
    private const int KThreadd = 2;

    public IReadOnlyList<LiveSuspect> Find(HostEvidence host)
    {
        var live = host.Live;
        if (!live.Any) return [];
        var connectionsByPid = live.Connections.Where(c => c.Pid is not null).GroupBy(c => c.Pid!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var pids = live.Processes.Keys.Concat(connectionsByPid.Keys).Concat(live.DeletedExecutables.Keys).Distinct().Order();
        var suspects = new List<LiveSuspect>();
        foreach (var pid in pids)
        {
            var suspect = Assess(pid, live.Processes.GetValueOrDefault(pid), connectionsByPid.GetValueOrDefault(pid) ?? [],
                live.DeletedExecutables.TryGetValue(pid, out var d) ? d : null, live.RuleHits);
            if (suspect is null) continue;
            suspect.Signal = host.Add(SignalOf(suspect, live), "live|" + pid.ToString(CultureInfo.InvariantCulture));
            suspects.Add(suspect);
        }
        foreach (var miner in suspects.Where(s => s.Mining)) PromoteRestarters(host, miner);
        return suspects;
    }

    private LiveSuspect? Assess(int pid, LiveProcessRow? row, List<LiveConnectionRow> connections, (string Path, string EventId)? deleted, IReadOnlyDictionary<string, IReadOnlyList<RuleMatch>> rulesByEvent)
    {
        var command = row?.Command;
        var bracketed = command is { Length: > 2 } && command[0] == '[' && command[^1] == ']';
        var name = row?.Name ?? (bracketed ? command![1..^1] : ProgramName(command)) ?? connections.Select(c => c.Process).FirstOrDefault(p => p is not null) ?? "";
        if (name.Length > 2 && name[0] == '[' && name[^1] == ']') name = name[1..^1];
        var exeText = row?.Exe ?? deleted?.Path ?? (FirstWord(command) is { } w && w.StartsWith('/') ? w : null);
        var exeDeleted = deleted is not null || (exeText is not null && patterns.Matches("deleted-executable", exeText));
        var exePath = exeText is null ? null : patterns.FirstMatch("deleted-executable", exeText) is { Success: true } m ? exeText[..m.Index] : exeText;
        var kernelName = name.Length > 0 && patterns.Matches("kernel-thread-names", name);
        var hasArguments = command is not null && !bracketed && command.Trim().Contains(' ');
        var user = row?.User;
        var realKernelThread = kernelName && row is not null && user is null or "root" && row.Exe is null && !exeDeleted && !hasArguments
            && (bracketed || row.NameOnly) && row.Ppid is null or 0 or KThreadd && connections.Count == 0 && row.ParserSaysKernelThread is not false;
        if (realKernelThread) return null;

        var signs = new List<string>();
        var minerSign = false;
        var hiding = false;
        if (command is not null)
        {
            var minerOptions = indicators.MinerArgs(command).Where(a => a.Strength == "strong").ToList();
            if (minerOptions.Count > 0) signs.Add($"miner options {string.Join(", ", minerOptions.Select(a => a.Value.Trim()))} on its command line ({minerOptions[0].Source})");
            var pools = Endpoints(command).Where(e => indicators.Pool(e.Host) is not null).Select(e => e.Host + (e.Port is null ? "" : ":" + e.Port)).Distinct(StringComparer.Ordinal).ToList();
            if (pools.Count > 0) signs.Add($"mining pool {string.Join(", ", pools)} on its command line");
            if (indicators.Wallets(command).Any()) signs.Add("a wallet address in its arguments");
            minerSign = signs.Count > 0;
        }
        var file = indicators.MinerFile(name) ?? (exePath is null ? null : indicators.MinerFile(BaseName(exePath)));
        if (file is not null && !kernelName)
        {
            signs.Add($"runs '{file.Value}', a known miner name ({file.Source})");
            minerSign = true;
        }
        string? masquerade = null;
        if (kernelName)
        {
            var tells = new List<string>();
            if (!bracketed && row is { NameOnly: false }) tells.Add("not shown in brackets");
            if (row?.Exe is not null || exePath is not null) tells.Add($"runs the program {exePath}");
            if (hasArguments) tells.Add("has arguments");
            if (user is not null and not "root") tells.Add($"runs as '{user}'");
            if (row?.Ppid is { } ppid && ppid is not 0 and not KThreadd) tells.Add($"its parent is PID {ppid}, not kthreadd");
            if (connections.Count > 0) tells.Add("has network connections");
            if (row?.ParserSaysKernelThread is false) tells.Add("ps shows it with user memory or a parent other than kthreadd");
            masquerade = $"named like the kernel thread '{name}' but {string.Join(", ", tells.DefaultIfEmpty("not one"))}"
                + (file is not null ? $" ('{file.Value}' is a known miner name: {file.Source})" : "");
            signs.Add(masquerade);
            hiding = true;
        }
        if (exePath is not null && !patterns.Matches("toolchain-directories", exePath))
        {
            if (patterns.Matches("staging-prefixes", exePath)) { signs.Add($"runs from {exePath}, a staging place of miner kits"); hiding = true; }
            else if (patterns.Matches("hidden-directories", exePath)) { signs.Add($"runs from a hidden directory ({exePath})"); hiding = true; }
        }
        if (exeDeleted)
        {
            signs.Add($"its program {exePath ?? name} was deleted while it runs");
            hiding = true;
        }

        var named = command is null ? [] : Endpoints(command).ToList();
        var listed = new List<(LiveConnectionRow, string)>();
        var poolPort = false;
        foreach (var c in connections)
        {
            string? why = null;
            if (indicators.Pool(c.RemoteIp) is { } pool) { why = $"{c.Remote} is a mining pool ({pool.Source})"; minerSign = true; }
            else if (named.Any(e => e.Port == c.RemotePort && (e.Host == c.RemoteIp || indicators.Pool(e.Host) is not null))) { why = $"{c.Remote} is the pool endpoint its command line names"; minerSign = true; }
            else if (indicators.PoolPort(c.RemotePort) is { } port) { why = $"{c.Remote}: port {c.RemotePort} is a known pool port ({port.Source})"; poolPort = true; }
            if (why is not null) listed.Add((c, why));
        }
        foreach (var (_, why) in listed) if (!signs.Contains(why)) signs.Add(why);
        // Sigma rules on its rows: a resource-hijacking rule is a miner sign, another high or critical one a
        // reason to list it.
        var rules = (row?.EventIds ?? []).Concat(connections.Select(c => c.EventId)).Where(rulesByEvent.ContainsKey).SelectMany(id => rulesByEvent[id]).DistinctBy(r => r.RuleId).ToList();
        var minerRules = rules.Where(r => TechniqueIds.FromTags(r.Tags).Any(miningTechniques.Contains)).ToList();
        var severeRules = rules.Where(r => r.Level is RuleLevels.High or RuleLevels.Critical).Except(minerRules).ToList();
        if (minerRules.Count > 0) { signs.Add("matched " + string.Join(", ", minerRules.Select(r => $"'{r.Title}' ({r.Level})"))); minerSign = true; }
        if (severeRules.Count > 0) { signs.Add("matched " + string.Join(", ", severeRules.Select(r => $"'{r.Title}' ({r.Level})"))); hiding = true; }

        var busy = row?.Cpu is { } cpu && cpu >= options.BusyCpuPercent;
        var mining = minerSign || ((hiding || poolPort) && busy);
        if (!mining && !hiding && !poolPort) return null;
        if (busy) signs.Add($"{row!.Cpu!.Value.ToString("0.#", CultureInfo.InvariantCulture)} % CPU");
        var suspect = new LiveSuspect
        {
            Pid = pid, Row = row, Name = name, ExePath = exePath, ExeDeleted = exeDeleted, Signs = signs, MinerSign = minerSign, Mining = mining, Masquerade = masquerade,
        };
        suspect.Connections.AddRange(listed);
        // The miner's other connections are where it sends its work, whatever the port.
        if (mining)
            foreach (var c in connections.Where(c => !listed.Any(l => ReferenceEquals(l.Item1, c))))
                suspect.Connections.Add((c, $"a connection of the miner (PID {pid})"));
        if (row is not null) suspect.EventIds.AddRange(row.EventIds);
        if (deleted is { } del && !suspect.EventIds.Contains(del.EventId)) suspect.EventIds.Add(del.EventId);
        return suspect;
    }

    private static Signal SignalOf(LiveSuspect s, LiveSnapshot live)
    {
        var row = s.Row;
        var first = s.Connections.Select(c => c.Connection).FirstOrDefault();
        var ticks = row?.Ticks ?? first?.Ticks ?? live.CollectedAtTicks;
        var cpu = row?.Cpu is { } c ? $", {c.ToString("0.#", CultureInfo.InvariantCulture)} % CPU" : "";
        var remote = s.Connections.Count > 0 ? " → " + string.Join(", ", s.Connections.Select(x => x.Connection.Remote).Distinct().Take(3)) : "";
        var summary = $"{(s.Mining ? "miner still running at collection" : "running at collection")}: PID {s.Pid} {s.Name} ({row?.User ?? "user unknown"}{cpu}){remote}: {CommandSignals.Excerpt(s.Command, 120)}";
        var signal = new Signal
        {
            EventId = row?.EventId ?? first?.EventId ?? s.EventIds.FirstOrDefault() ?? "",
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = row?.TimeQuality ?? first?.TimeQuality ?? live.CollectedAtQuality,
            Origin = row?.Origin ?? first!.Origin,
            Parser = row?.Parser ?? first!.Parser,
            User = row?.User,
            Text = s.Command,
            Phase = s.Mining ? AttackPhase.Mining : AttackPhase.Execution,
            Kind = s.Mining ? AnalyticKinds.LiveMiner : AnalyticKinds.LiveProcess,
            Summary = summary,
            Why = $"{s.Why}; seen running when the state was collected ({TimeWords.Of(ticks)}), which is not when it started",
            Confidence = s.MinerSign ? 0.95 : s.Mining ? 0.8 : 0.5,
            Strong = s.Mining,
            MiningRun = s.Mining,
        };
        signal.Artifacts = CommandArtifacts.Of(s.ExePath is null ? s.Command : s.ExePath + " " + s.Command);
        foreach (var id in s.EventIds.Concat(s.Connections.Select(c => c.Connection.EventId)))
            foreach (var m in live.RuleHits.GetValueOrDefault(id) ?? [])
            {
                if (!signal.RuleIds.Contains(m.RuleId)) signal.RuleIds.Add(m.RuleId);
                if (!signal.RuleTitles.Contains(m.Title)) signal.RuleTitles.Add(m.Title);
            }
        signal.Facts["process"] = s.Name;
        signal.Facts[FieldNames.Pid] = s.Pid.ToString(CultureInfo.InvariantCulture);
        if (s.ExePath is not null) signal.Facts[FieldNames.Exe] = s.ExePath;
        if (s.Masquerade is not null) signal.Facts["finding:" + AnalyticKinds.Masquerade] = s.Masquerade;
        return signal;
    }

    /// <summary>Cron lines, cron jobs and systemd units that start the miner's program: they restart it after a kill.</summary>
    private static void PromoteRestarters(HostEvidence host, LiveSuspect miner)
    {
        var candidates = host.CrontabEntries.Concat(host.UnitExecs).Concat(host.Signals.Where(s => s.Parser == ParserNames.Cron)).ToList();
        foreach (var entry in candidates)
        {
            var text = entry.Facts.GetValueOrDefault(FieldNames.Command) ?? entry.Text;
            if (!StartsProgram(text, miner)) continue;
            // cron's CMD line of a crontab line already listed is the same restarter.
            if (entry.Parser == ParserNames.Cron && miner.Restarters.Any(r => r.Kind == AnalyticKinds.CronEntry && r.Facts.GetValueOrDefault(FieldNames.Command)?.Trim() == entry.Text.Trim())) continue;
            if (!miner.Restarters.Contains(entry)) miner.Restarters.Add(entry);
            if (entry.Strong) continue;
            entry.Strong = true;
            entry.Confidence = Math.Max(entry.Confidence, 0.85);
            entry.Why += $"; starts '{miner.Name}', which was running at collection as PID {miner.Pid}";
            if (!entry.Kept) host.Add(entry);
        }
    }

    /// <summary>True when the text runs the miner's program: names its path, or a path ending in its name (names of four or more characters).</summary>
    internal static bool StartsProgram(string text, LiveSuspect miner)
    {
        if (miner.ExePath is { Length: > 1 } exe && text.Contains(exe, StringComparison.Ordinal)) return true;
        if (miner.Name.Length < 4) return false;
        return CommandArtifacts.Of(text).Paths.Any(p => p.EndsWith("/" + miner.Name, StringComparison.Ordinal));
    }

    /// <summary>host and port of every URL and of <c>-o</c>/<c>--url host:port</c> on a command line (port null when the URL has none).</summary>
    private static IEnumerable<(string Host, string? Port)> Endpoints(string command)
    {
        foreach (var url in CommandArtifacts.Of(command).Urls)
            if (CommandArtifacts.HostOf(url) is { } host) yield return (host.ToLowerInvariant(), CommandArtifacts.PortOf(url));
        var tokens = command.Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i] is not ("-o" or "--url") || tokens[i + 1].Contains("://", StringComparison.Ordinal)) continue;
            var value = tokens[i + 1].Trim('"', '\'');
            var colon = value.LastIndexOf(':');
            if (colon > 0 && value[(colon + 1)..] is { Length: > 0 } port && port.All(char.IsAsciiDigit)) yield return (value[..colon].ToLowerInvariant(), port);
        }
    }

    private static string? FirstWord(string? command) =>
        command is null ? null : command.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    private static string? ProgramName(string? command) => FirstWord(command) is { } w ? BaseName(w) : null;

    private static string BaseName(string path) => path[(path.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');
}
