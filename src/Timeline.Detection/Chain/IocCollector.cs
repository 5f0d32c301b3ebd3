using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// The indicators of compromise of one chain, each with its role and the events it was seen in:
/// attacker addresses, download URLs and hosts, pools (host:port), wallets, dropped files and
/// staging directories, abused or created accounts, planted SSH keys, cron lines, services and tasks.
/// </summary>
public sealed class IocCollector(IndicatorCatalog indicators, EvidencePatterns patterns)
{
    public IReadOnlyList<Indicator> Collect(AttackContext c)
    {
        var list = new Dictionary<(string, string), (string Role, List<string> Events)>();
        void Add(string type, string? value, string role, string eventId)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            if (!list.TryGetValue((type, value), out var entry)) list[(type, value)] = entry = (role, []);
            if (!entry.Events.Contains(eventId)) entry.Events.Add(eventId);
        }

        if (c.Entry is { } entry)
        {
            if (entry.Login is { } l)
            {
                foreach (var id in l.EventIds)
                {
                    Add("ip", l.SourceIp, entry.Point.Kind.Contains("bruteforce", StringComparison.Ordinal) ? "brute force and entry" : "entry", id);
                    Add("user", l.User, "abused account", id);
                }
                Add("ssh-key", l.KeyFingerprint, "used by the attacker to get in", l.EventId);
            }
            else if (entry.Point.User is { } u && entry.Signal is { } s) Add("user", u, "exploited service account", s.EventId);
        }
        foreach (var r in c.Returns)
        {
            Add("ip", r.SourceIp, c.AttackerKeys.Contains(r.KeyFingerprint ?? "") ? "logged in with a planted key" : "returned", r.EventId);
            Add("ssh-key", r.KeyFingerprint, "used by the attacker", r.EventId);
        }
        foreach (var m in c.Inbound) Add("ip", m.Inbound.SourceIp, $"compromised peer {m.FromHost}", m.Inbound.EventId);
        foreach (var m in c.Outbound) if (m.Outbound is { } o) Add("host", m.ToHost, "lateral movement target", o.EventId);
        foreach (var (s, _) in c.Included)
        {
            var a = s.Artifacts.Urls.Count + s.Artifacts.Paths.Count + s.Artifacts.Ips.Count > 0 ? s.Artifacts : CommandArtifacts.Of(s.Text);
            foreach (var url in a.Urls)
            {
                var host = CommandArtifacts.HostOf(url);
                var pool = host is null ? null : indicators.Pool(host);
                if (pool is not null || url.StartsWith("stratum", StringComparison.OrdinalIgnoreCase))
                {
                    Add("pool", host + (CommandArtifacts.PortOf(url) is { } port ? ":" + port : ""), "mining pool", s.EventId);
                    Add("domain", host, "mining pool", s.EventId);
                }
                else
                {
                    Add("url", url, "download", s.EventId);
                    if (host is not null) Add(CommandArtifacts.IsIp(host) ? "ip" : "domain", host, "download host", s.EventId);
                }
            }
            // Pools given to -o/--url without a scheme (-o pool.example:443).
            if (s.Phase == AttackPhase.Mining || s.Kind == AnalyticKinds.CronEntry)
                foreach (var (host, port) in PoolOptions(s.Text).Where(p => indicators.Pool(p.Host) is not null))
                {
                    Add("pool", host + ":" + port, "mining pool", s.EventId);
                    Add("domain", host, "mining pool", s.EventId);
                }
            foreach (var ip in a.Ips) if (!list.ContainsKey(("ip", ip))) Add("ip", ip, s.Kind == AnalyticKinds.SshOut ? "lateral movement target" : "named by attacker command", s.EventId);
            foreach (var (wallet, _) in indicators.Wallets(s.Text)) Add("wallet", wallet, "mining wallet", s.EventId);
            foreach (var fp in a.KeyFingerprints) if (c.AttackerKeys.Contains(fp)) Add("ssh-key", fp, "planted key", s.EventId);
            if (s.Strong || s.Phase == AttackPhase.Mining)
                foreach (var p in a.Paths.Where(IsSuspiciousPath)) Add("file", p, s.MiningRun ? "miner binary" : "attacker file", s.EventId);
            if (s.MiningRun)
            {
                var name = s.Facts.GetValueOrDefault("process") ?? CommandAnalytic.Segments(s.Text).Select(CommandAnalytic.ExecutedName).FirstOrDefault(n => n is not null && indicators.MinerFile(n) is not null);
                Add("process", name, "miner process", s.EventId);
            }
            switch (s.Kind)
            {
                case AnalyticKinds.CronEntry: Add("cron", $"{s.Facts.GetValueOrDefault("cron_path")}: {s.Facts.GetValueOrDefault(FieldNames.Schedule)} {s.Facts.GetValueOrDefault(FieldNames.Command)}", "persistence", s.EventId); break;
                case AnalyticKinds.SshKey: Add("ssh-key", s.Facts.GetValueOrDefault(FieldNames.KeyFingerprint), "planted key", s.EventId); break;
                case AnalyticKinds.Service or AnalyticKinds.WinRing0: Add("service", s.Facts.GetValueOrDefault("service"), s.Kind == AnalyticKinds.WinRing0 ? "miner driver service" : "persistence", s.EventId); break;
                case AnalyticKinds.Task: Add("task", s.Facts.GetValueOrDefault("task"), "persistence", s.EventId); break;
                case AnalyticKinds.AccountCreated: Add("user", s.User, "created by attacker", s.EventId); break;
            }
            if (s.Facts.ContainsKey(CronEvents.Cmd) && s.Timed && s.Strong
                && !c.Included.Any(i => i.Signal.Kind == AnalyticKinds.CronEntry && i.Signal.Facts.GetValueOrDefault(FieldNames.Command)?.Trim() == s.Text.Trim()))
                Add("cron", s.Text, "scheduled command", s.EventId);
        }
        // What the collector saw the miner doing: its connections are the pool's endpoints (address:port),
        // its program file is the miner binary (also when deleted: the path says where to look in the image).
        foreach (var s in c.Host.LiveSuspects.Where(s => s.Mining && s.Signal is { } sig && c.Contains(sig)))
        {
            foreach (var (connection, _) in s.Connections.Where(x => !CommandArtifacts.IsInternal(x.Connection.RemoteIp)))
                Add("pool", connection.Remote, "mining pool (connected at collection)", connection.EventId);
            if (s.ExePath is { } exe && (s.ExeDeleted || IsSuspiciousPath(exe))) Add("file", exe, s.ExeDeleted ? "miner binary (deleted, running at collection)" : "miner binary", s.Signal!.EventId);
        }
        return list.Select(kv => new Indicator(kv.Key.Item1, kv.Key.Item2, kv.Value.Role, kv.Value.Events))
            .OrderBy(i => Array.IndexOf(TypeOrder, i.Type)).ThenBy(i => i.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>host and port given to <c>-o</c>/<c>--url</c> without a scheme.</summary>
    private static IEnumerable<(string Host, string Port)> PoolOptions(string command)
    {
        var tokens = command.Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i] is not ("-o" or "--url") || tokens[i + 1].Contains("://", StringComparison.Ordinal)) continue;
            var value = tokens[i + 1].Trim('"', '\'');
            var colon = value.LastIndexOf(':');
            if (colon > 0 && value[(colon + 1)..] is { Length: > 0 } port && port.All(char.IsAsciiDigit)) yield return (value[..colon].ToLowerInvariant(), port);
        }
    }

    private static readonly string[] TypeOrder = ["ip", "domain", "url", "pool", "wallet", "host", "user", "ssh-key", "file", "process", "cron", "service", "task"];

    /// <summary>
    /// A path a strong or mining step names that is worth deleting: under a user-writable Windows folder
    /// (<c>windows-drop-folders</c>), or a Unix path in an attacker place (<c>staging-prefixes</c>, a hidden
    /// directory, <c>persistence-files</c>) that is not kept out (<c>benign-paths</c>, <c>never-remove-prefixes</c>,
    /// <c>key-directories</c>). Lists in <c>sigma/patterns/</c>.
    /// </summary>
    private bool IsSuspiciousPath(string p) => CommandArtifacts.IsWindowsPath(p)
        ? patterns.Matches("windows-drop-folders", p + "\\")
        : IsSuspiciousUnixPath(p);

    private bool IsSuspiciousUnixPath(string p) =>
        // Never a whole home or .ssh directory: deleting it would take the owner's legitimate keys with it.
        !patterns.Matches("benign-paths", p) && !patterns.Matches("never-remove-prefixes", p) && !patterns.Matches("key-directories", p.TrimEnd('/') + "/")
        && (patterns.Matches("staging-prefixes", p) || patterns.Matches("hidden-directories", p) || patterns.Matches("persistence-files", p));
}
