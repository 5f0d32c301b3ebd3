using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Missing or destroyed evidence around an intrusion: history cleared or disabled, logs deleted or
/// cleared (1102/104), log files silent inside the incident, attacker sessions with no shell
/// history (MITRE T1070.003 detection note, threat-notes §1.5), and the disagreements between the
/// login records and sshd's log (<see cref="LoginTrail"/>).
/// </summary>
public sealed class GapFinder
{
    public IReadOnlyList<EvidenceGap> Find(AttackContext c)
    {
        var gaps = new List<EvidenceGap>();
        foreach (var (s, _) in c.Included)
        {
            if (s.Facts.ContainsKey("finding:" + AnalyticKinds.HistoryClear))
                gaps.Add(new EvidenceGap("history-cleared", $"shell history cleared or disabled ({CommandSignals.Excerpt(s.Text, 80)}): commands before and after it may be missing", s.Ticks, null, s.EventId));
            if (s.Facts.ContainsKey("finding:" + AnalyticKinds.LogClear))
                gaps.Add(new EvidenceGap("logs-deleted", $"system logs deleted or emptied ({CommandSignals.Excerpt(s.Text, 80)})", s.Ticks, null, s.EventId));
            if (s.Kind == AnalyticKinds.LogCleared)
                gaps.Add(new EvidenceGap("logs-cleared", s.Summary + ": nothing earlier in that log survives", null, s.Ticks, s.EventId));
        }
        if (c.Start is { } start && c.End is { } end)
        {
            var from = start - TimeSpan.TicksPerHour;
            var to = end + TimeSpan.TicksPerHour;
            foreach (var (file, a, b) in c.Host.Silences)
                // A silence that begins inside the incident, or spans its start (not one that merely ends near it).
                if ((a >= from && a <= to) || (a <= start && b >= start))
                    gaps.Add(new EvidenceGap("time-gap", $"{file} is silent for {TimeWords.Span(a, b)} ({TimeWords.Of(a)} → {TimeWords.Of(b)}) during the incident", a, b, null));
        }
        // Login records against sshd's log: logins in one and not the other, wiped records (possible tampering).
        gaps.AddRange(c.Host.Trail.Gaps());
        foreach (var (user, from, to, login) in c.Sessions)
        {
            if (login.Method is "rdp" or "network") continue;
            var times = c.Host.HistoryTimesOf(user);
            if (!c.Host.HistoryFiles.ContainsKey(user))
                gaps.Add(new EvidenceGap("no-history", $"no shell history of '{user}' in the evidence for the session from {login.SourceIp} at {TimeWords.Of(login.Ticks)}", from, to, login.EventId));
            else if (times is null || !times.Any(t => t >= from && t <= to))
                gaps.Add(new EvidenceGap("session-without-history", $"the session of '{user}' from {login.SourceIp} ({TimeWords.Of(from)} → {TimeWords.Of(to)}) left no timed command in {c.Host.HistoryFiles[user]}: history was not written, cleared, or the session ran no shell", from, to, login.EventId));
        }
        return gaps;
    }
}
