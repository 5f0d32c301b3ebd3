using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// The response plan in the order responders follow (issue 5): isolate the host → block addresses,
/// domains and pools → remove every cron job, key, unit, task and service (file and line) → kill the
/// miner → rotate the abused credentials → fix the entry point. Every action cites its events. The
/// order and the entry-point fixes are data (<c>sigma/response.yml</c>, <see cref="ResponseKnowledge"/>);
/// the per-target wording below (which line of which file, which process) presents the evidence.
/// </summary>
public sealed class ResponsePlanner(ResponseKnowledge knowledge)
{
    public IReadOnlyList<ResponseAction> Plan(AttackContext c, IReadOnlyList<Indicator> iocs)
    {
        var actions = new List<ResponseAction>();
        void Add(string category, string action, string? target, IEnumerable<string> evidence) =>
            actions.Add(new ResponseAction(0, category, action, target, evidence.Distinct(StringComparer.Ordinal).ToList()));

        var first = c.Entry?.Point.EventId is { } e ? [e] : Array.Empty<string>();
        var mining = c.Included.Where(i => i.Signal.MiningRun).Select(i => i.Signal.EventId).Take(1);
        Add("isolate", $"Isolate {c.Host.Host} from the network (keep it running for memory capture) before cleaning", c.Host.Host, first.Concat(mining));

        foreach (var ioc in iocs.Where(i => i.Type == "ip" && i.Role != "lateral movement target" && !CommandArtifacts.IsInternal(i.Value)))
            Add("block", $"Block the address {ioc.Value} ({ioc.Role}) at the perimeter", ioc.Value, ioc.EventIds);
        foreach (var ioc in iocs.Where(i => i.Type == "domain"))
            Add("block", $"Block the domain {ioc.Value} ({ioc.Role}) in DNS and the proxy", ioc.Value, ioc.EventIds);
        foreach (var ioc in iocs.Where(i => i.Type == "pool"))
            Add("block", $"Block outbound connections to the pool {ioc.Value}", ioc.Value, ioc.EventIds);

        foreach (var (s, _) in c.Included.Where(i => i.Signal.Kind == AnalyticKinds.CronEntry))
        {
            var path = s.Facts.GetValueOrDefault("cron_path") ?? s.Origin.File;
            Add("remove", $"Remove line {s.Origin.Position} of {path}: {CommandSignals.Excerpt(s.Facts.GetValueOrDefault(FieldNames.Schedule) + " " + s.Facts.GetValueOrDefault(FieldNames.Command), 120)} (check with lsattr first: kits set chattr +i)",
                $"{path}:{s.Origin.Position}", [s.EventId]);
        }
        var cronTables = c.Included.Where(i => i.Signal.Kind is AnalyticKinds.CronEntry).Select(i => i.Signal.Facts.GetValueOrDefault("cron_path")).ToHashSet(StringComparer.Ordinal);
        foreach (var group in c.Included.Where(i => i.Signal.Parser == ParserNames.Cron && i.Signal.Timed && i.Signal.Strong && i.Signal.Kind != AnalyticKinds.CronError && i.Signal.Facts.ContainsKey("owner"))
                     .GroupBy(i => i.Signal.Facts["owner"]))
        {
            if (cronTables.Any(p => p is not null && p.EndsWith("/" + group.Key, StringComparison.Ordinal))) continue;
            Add("remove", $"Remove the cron job(s) of '{group.Key}' that cron ran ({CommandSignals.Excerpt(group.First().Signal.Text, 100)}): the table file is not in the evidence — check crontab -l -u {group.Key}, /var/spool/cron and /etc/cron.d on the host",
                $"crontab of {group.Key}", group.Select(g => g.Signal.EventId));
        }
        var rewritten = new List<string>();
        foreach (var (s, _) in c.Included.Where(i => i.Signal.Kind is AnalyticKinds.CronGarbage or AnalyticKinds.CronError).OrderBy(i => i.Signal.Kind == AnalyticKinds.CronGarbage ? 0 : 1))
        {
            // The log names the table by its path on the host; the evidence copy ends with that path.
            var table = s.Facts.GetValueOrDefault("cron_path") ?? "";
            if (rewritten.Any(r => r.EndsWith(table, StringComparison.Ordinal) || table.EndsWith(r, StringComparison.Ordinal))) continue;
            rewritten.Add(table);
            Add("remove", $"Delete or rewrite the cron table {s.Facts.GetValueOrDefault("cron_path")}: it holds lines crontab(1) never wrote", table, [s.EventId]);
        }
        foreach (var (s, _) in c.Included.Where(i => i.Signal.Kind == AnalyticKinds.SshKey))
        {
            var path = s.Facts.GetValueOrDefault("key_path") ?? s.Origin.File;
            Add("remove", $"Remove line {s.Origin.Position} of {path}: key {s.Facts.GetValueOrDefault(FieldNames.KeyFingerprint)}", $"{path}:{s.Origin.Position}", [s.EventId]);
        }
        var keyFiles = c.Included.Where(i => i.Signal.Kind == AnalyticKinds.SshKey).Select(i => i.Signal.Facts.GetValueOrDefault(FieldNames.KeyFingerprint)).ToHashSet(StringComparer.Ordinal);
        foreach (var fp in c.AttackerKeys.Where(fp => !keyFiles.Contains(fp)))
        {
            var evidence = c.Included.Where(i => i.Signal.Artifacts.KeyFingerprints.Contains(fp)).Select(i => i.Signal.EventId).Concat(c.Returns.Append(c.Entry?.Login).OfType<Login>().Where(r => r.KeyFingerprint == fp).Select(r => r.EventId)).ToList();
            Add("remove", $"Remove the key {fp} from every authorized_keys file (the file is not in the evidence)", fp, evidence);
        }
        foreach (var (s, _) in c.Included.Where(i => i.Signal.Kind is AnalyticKinds.SystemdUnit or AnalyticKinds.RcLocal or AnalyticKinds.LdPreload))
            Add("remove", $"Remove line {s.Origin.Position} of {s.Origin.File}: {CommandSignals.Excerpt(s.Text, 100)}", $"{s.Origin.File}:{s.Origin.Position}", [s.EventId]);
        foreach (var (s, _) in c.Included.Where(i => i.Signal.Kind == AnalyticKinds.Task))
            Add("remove", $"Delete the scheduled task '{s.Facts.GetValueOrDefault("task")}' (schtasks /Delete /TN \"{s.Facts.GetValueOrDefault("task")}\" /F)", s.Facts.GetValueOrDefault("task"), [s.EventId]);
        // 4697 (Security) and 7045 (System) log the same install: one action per service, citing both.
        foreach (var service in c.Included.Where(i => i.Signal.Kind is AnalyticKinds.Service or AnalyticKinds.WinRing0).GroupBy(i => i.Signal.Facts.GetValueOrDefault("service") ?? "", StringComparer.OrdinalIgnoreCase))
            Add("remove", $"Stop and delete the service '{service.Key}' (sc stop / sc delete) and its file", service.Key, service.Select(i => i.Signal.EventId));

        // A miner seen running at collection is killed by PID, once what restarts it is removed (above).
        var liveMiners = c.Host.LiveSuspects.Where(s => s.Mining && s.Signal is { } sig && c.Contains(sig)).ToList();
        foreach (var m in liveMiners)
        {
            var restarters = new List<string>();
            var evidence = new List<string> { m.Signal!.EventId };
            evidence.AddRange(m.EventIds);
            foreach (var r in m.Restarters.Where(c.Contains))
            {
                restarters.Add(r.Kind switch
                {
                    AnalyticKinds.SystemdUnit => $"systemd unit {r.Facts.GetValueOrDefault("unit") ?? Path.GetFileName(r.Origin.File)} ({r.Origin.File}:{r.Origin.Position})",
                    AnalyticKinds.CronEntry => $"cron line {r.Facts.GetValueOrDefault("cron_path") ?? r.Origin.File}:{r.Origin.Position}",
                    _ => $"the cron job '{CommandSignals.Excerpt(r.Text, 80)}'{(r.Facts.GetValueOrDefault("owner") is { Length: > 0 } owner ? $" of '{owner}'" : "")}",
                });
                evidence.Add(r.EventId);
            }
            foreach (var fp in c.AttackerKeys.Order(StringComparer.Ordinal))
            {
                var back = c.Returns.Where(r => r.KeyFingerprint == fp).ToList();
                if (back.Count == 0) continue;
                restarters.Add($"the attacker's key {fp} (used to log back in)");
                evidence.AddRange(back.Select(r => r.EventId));
            }
            var who = string.Join(", ", new[] { m.Name, m.Row?.User is { } u ? $"user {u}" : null, m.Row?.Cpu is { } cpu ? $"{cpu.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} % CPU" : null, m.ExePath }.OfType<string>());
            Add("kill", $"Kill PID {m.Pid} ({who}), still running at collection"
                + (restarters.Count > 0 ? $"; it is restarted by {string.Join(", ", restarters)} — remove those first (steps above)" : "")
                + "; then check it does not come back", $"pid {m.Pid}", evidence);
        }
        var killedByPid = liveMiners.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

        var processes = iocs.Where(i => i.Type == "process" && !killedByPid.Contains(i.Value)).ToList();
        var files = iocs.Where(i => i.Type == "file").ToList();
        foreach (var p in processes)
            Add("kill", $"Kill every process named {p.Value}{(files.FirstOrDefault(f => (f.Value.EndsWith("/" + p.Value, StringComparison.Ordinal) || f.Value.EndsWith("\\" + p.Value, StringComparison.OrdinalIgnoreCase))) is { } f ? $" ({f.Value})" : "")}, then check it does not come back", p.Value, p.EventIds);
        foreach (var f in files)
            Add("kill", $"Delete {f.Value} ({f.Role}) after imaging it", f.Value, f.EventIds);

        if (c.Entry?.Login is { } login)
            Add("rotate", login.Method == "publickey"
                    ? $"Rotate the credentials of '{login.User}': remove the key {login.KeyFingerprint} and review every authorized_keys file"
                    : $"Change the password of '{login.User}' (it was guessed or stolen) and of every account sharing it",
                login.User, login.EventIds);
        foreach (var m in c.Outbound.Where(m => m.Outbound is not null))
            foreach (var t in SshTarget.AllIn(m.Outbound!.Text).Where(t => t.KeyFile is not null))
                Add("rotate", $"Replace the SSH key {t.KeyFile} of {c.Host.Host}: the attacker used it to reach {m.ToHost}; remove its public half from {m.ToHost}'s authorized_keys", t.KeyFile, [m.Outbound.EventId, m.Inbound.EventId]);
        foreach (var u in iocs.Where(i => i.Type == "user" && i.Role == "created by attacker"))
            Add("rotate", $"Disable and remove the account '{u.Value}' created by the attacker", u.Value, u.EventIds);

        if (c.Entry is { } entry)
        {
            var fix = knowledge.FixFor(entry.Point.Kind, entry.Point.Kind == AnalyticKinds.ExploitedService ? entry.Point.User : null);
            Add("fix-entry", fix, entry.Point.Kind, entry.Point.EventId is { } id ? [id] : []);
        }
        // Stable: within a category the order above (file and line, then the rest) is kept.
        return actions.OrderBy(a => knowledge.Rank(a.Category)).Select((a, i) => a with { Order = i + 1 }).ToList();
    }
}
