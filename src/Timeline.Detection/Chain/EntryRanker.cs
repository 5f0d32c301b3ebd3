using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Chooses the entry point of a host's intrusion: the earliest attacker access that explains the
/// first attacker activity. Candidates and their base confidence:
/// a logon after a brute force from the same source (0.9, failures, users and window given),
/// a logon matched to an outbound ssh on a compromised peer (0.85),
/// an exploited service — a network service starting a shell or downloader (audit parent link, 0.85),
/// cron work of a service account or cron parse errors with no logon before (0.8), a first-seen key (0.6) or address (0.5) once the host has a baseline,
/// persistence with no logon before it (0.45), and a plain logon whose session covers the start (0.3).
/// A logon whose session covers the first activity of the same user gains 0.05; one that ended
/// before it loses 0.2.
/// </summary>
public sealed class EntryRanker(ChainOptions options)
{
    public IReadOnlyList<EntryCandidate> Rank(HostEvidence host, long? start, Signal? first, IReadOnlyList<LateralMove> inbound)
    {
        var candidates = new List<EntryCandidate>();
        var lookback = options.EntryLookback.Ticks;
        var slack = TimeSpan.TicksPerMinute;
        foreach (var login in host.Logins)
        {
            if (start is { } s && (login.Ticks > s + slack || login.Ticks < s - lookback)) continue;
            var lateral = inbound.FirstOrDefault(m => m.Inbound.EventId == login.EventId);
            var covers = start is { } st && login.Ticks <= st + slack && (login.CloseTicks ?? login.Ticks + options.SessionMax.Ticks) >= st;
            var sameUser = first?.User is null || first.User == login.User || first.Parser == ParserNames.Cron;
            // Ended well before the first activity: a finished admin session, not the attacker's.
            var ended = start is { } st2 && login.CloseTicks is { } c && c < st2 - 10 * TimeSpan.TicksPerMinute;
            var adjust = (covers && sameUser ? 0.05 : 0) - (ended ? 0.2 : 0);
            var source = login.SourceIp ?? "an unknown address";
            var how = login.Method switch { "rdp" => "RDP logon", "network" => "network logon", _ => $"SSH logon ({login.Method})" };
            if (login.FailuresBefore >= options.BruteForceMinFailures)
            {
                var window = login.FailFirstTicks is { } a && login.FailLastTicks is { } b ? $" between {TimeWords.Of(a)} and {TimeWords.Of(b)} ({TimeWords.Span(a, b)})" : "";
                var users = login.UsersTried.Count == 0 ? "" : $", trying {login.UsersTried.Count} user name(s): {string.Join(", ", login.UsersTried.Take(8))}{(login.UsersTried.Count > 8 ? ", …" : "")}";
                Add(candidates, login, login.Method == "rdp" || login.Method == "network" ? AnalyticKinds.RdpBruteforceSuccess : AnalyticKinds.SshBruteforceSuccess, 0.9 + adjust,
                    $"{how} as '{login.User}' from {source} after a brute force",
                    $"{login.FailuresBefore} failed logons from {source}{(login.FailureSources is { } how2 ? $" ({how2})" : "")}{window}{users}; then this success as '{login.User}'{Connection(login)}");
            }
            else if (lateral is not null)
                Add(candidates, login, AnalyticKinds.Lateral, lateral.Confidence + adjust, $"{how} as '{login.User}' from {source}, coming from {lateral.FromHost}", lateral.Via);
            else if (login.NewKey)
                Add(candidates, login, AnalyticKinds.NewKey, 0.6 + adjust, $"{how} as '{login.User}' from {source} with a key never seen before",
                    $"key {login.KeyFingerprint} had not been used for '{login.User}' on this host before {TimeWords.Of(login.Ticks)} (the host was logging since {TimeWords.Of(host.FirstTicks)})");
            else if (login.NewSource)
                Add(candidates, login, AnalyticKinds.NewSource, 0.5 + adjust, $"{how} as '{login.User}' from a new address {source}",
                    $"{source} appears in no logon before this one (the host was logging since {TimeWords.Of(host.FirstTicks)})" + Connection(login));
            else if (covers && sameUser)
                Add(candidates, login, AnalyticKinds.Session, 0.3, $"{how} as '{login.User}' from {source}",
                    $"the session was open when the first attacker activity happened ({TimeWords.Of(start)})" + Connection(login));
        }

        var service = host.Signals.Where(s => s.Kind is AnalyticKinds.ServiceCron or AnalyticKinds.ServiceCrontab or AnalyticKinds.CronError or AnalyticKinds.CronGarbage or AnalyticKinds.RedisExploit
                || s.Facts.ContainsKey("finding:" + AnalyticKinds.ServiceCron) || s.Facts.ContainsKey("finding:" + AnalyticKinds.ServiceShell))
            .OrderBy(s => s.SortTicks ?? long.MaxValue).ToList();
        var loginBefore = start is { } s0 && host.Logins.Any(l => l.Ticks <= s0 + slack && l.Ticks >= s0 - lookback && (l.CloseTicks ?? l.Ticks + options.SessionMax.Ticks) >= s0);
        if (service.Count > 0)
        {
            var owner = service.Select(s => s.Facts.GetValueOrDefault("owner")).FirstOrDefault(o => !string.IsNullOrEmpty(o) && o != "root" && o != "CRON");
            var errors = service.Count(s => s.Kind is AnalyticKinds.CronError or AnalyticKinds.CronGarbage);
            var why = new List<string>();
            if (owner is not null) why.Add($"cron work owned by the service account '{owner}'");
            if (errors > 0) why.Add($"{errors} kind(s) of cron parse errors on tables no crontab(1) wrote");
            if (service.Any(s => s.Kind == AnalyticKinds.RedisExploit)) why.Add("Redis log lines of the cron-write or rogue-master technique");
            var shell = service.FirstOrDefault(s => s.Facts.ContainsKey("finding:" + AnalyticKinds.ServiceShell));
            var parent = shell?.Facts.GetValueOrDefault("parent");
            if (shell is not null) why.Add($"'{parent}' started a shell or downloader at {TimeWords.Of(shell.Ticks)}: {CommandSignals.Excerpt(shell.Text, 100)} (audit parent link)");
            why.Add(loginBefore ? "a logon session was open at the time, which lowers confidence" : "no logon precedes it");
            var firstService = service.FirstOrDefault(s => s.Timed) ?? service[0];
            var summary = shell is not null ? $"the '{parent}' service was exploited: it started a shell or downloader"
                : owner is null ? "an exploited network service wrote cron persistence" : $"the '{owner}' service was exploited and wrote cron persistence";
            // A service's own process starting a shell is direct evidence; cron work of its account is indirect.
            var confidence = shell is not null ? 0.85 : owner is not null ? 0.8 : 0.65;
            candidates.Add(new EntryCandidate(new EntryPoint(AnalyticKinds.ExploitedService, summary,
                string.Join("; ", why), Math.Round(confidence + (errors > 0 ? 0.05 : 0) - (loginBefore ? 0.3 : 0), 2),
                firstService.EventId, firstService.Ticks, null, owner ?? shell?.Facts.GetValueOrDefault("run_as")), null, firstService));
        }
        else if (first is not null && !loginBefore && first.Parser is ParserNames.Cron or ParserNames.Crontab or ParserNames.Evtx && first.Phase is AttackPhase.Persistence or AttackPhase.Mining or AttackPhase.Execution)
        {
            candidates.Add(new EntryCandidate(new EntryPoint(AnalyticKinds.PersistenceWithoutLogin, "attacker activity with no logon before it",
                $"the first attacker activity ({first.Summary}) has no logon before it in the evidence: an exploited service, or a logon the evidence does not cover",
                0.45, first.EventId, first.Ticks, null, first.User), null, first));
        }
        return candidates.OrderByDescending(c => c.Point.Confidence).ThenBy(c => c.Point.Ticks ?? long.MaxValue).ToList();
    }

    /// <summary>Names the NLA network logon folded into an RDP session logon.</summary>
    private static string Connection(Login login) => login.Preceding is { } p
        ? $" (one RDP connection: the NLA network logon at {TimeWords.Of(p.Ticks)}, {Path.GetFileName(p.Origin.File)} {(p.Origin.Kind == Timeline.Core.Events.PositionKind.Record ? "record" : "line")} {p.Origin.Position}, then this session logon)"
        : "";

    private static void Add(List<EntryCandidate> list, Login login, string kind, double confidence, string summary, string why) =>
        list.Add(new EntryCandidate(new EntryPoint(kind, summary, why, Math.Round(Math.Clamp(confidence, 0.05, 0.99), 2), login.EventId, login.Ticks, login.SourceIp, login.User), login, null));
}
