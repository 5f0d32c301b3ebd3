using Timeline.Core.Vocabulary;
namespace Timeline.Detection.Chain;

/// <summary>
/// Links hosts (threat-notes §1.6): an outbound <c>ssh</c>/<c>scp</c> in one host's evidence matched
/// with an inbound logon on another host by time proximity and user — hosts' own addresses are often
/// not in the evidence — made stronger when the target names the host or the logon used a key; and
/// a logon on one host from an address another compromised host states as its own (<see cref="OwnAddress"/>).
/// </summary>
public sealed class LateralLinker(ChainOptions options)
{
    public IReadOnlyList<LateralMove> Link(IReadOnlyList<HostEvidence> hosts)
    {
        var moves = new List<LateralMove>();
        if (hosts.Count < 2) return moves;
        var window = options.LateralProximity.Ticks;
        foreach (var from in hosts)
        {
            foreach (var outbound in from.Signals.Where(s => s.Kind == AnalyticKinds.SshOut || s.Facts.ContainsKey("finding:" + AnalyticKinds.SshOut)))
            {
                if (!outbound.Timed || outbound.Ticks is not { } at) continue;
                foreach (var target in SshTarget.AllIn(outbound.Text))
                {
                    foreach (var to in hosts)
                    {
                        if (ReferenceEquals(to, from)) continue;
                        var named = string.Equals(target.Host, to.Host, StringComparison.OrdinalIgnoreCase) || to.Host.StartsWith(target.Host + ".", StringComparison.OrdinalIgnoreCase);
                        var login = to.Logins
                            .Where(l => l.Ticks >= at - TimeSpan.TicksPerSecond * 30 && l.Ticks <= at + window)
                            .Where(l => target.User is null || l.User == target.User)
                            .OrderBy(l => Math.Abs(l.Ticks - at)).FirstOrDefault();
                        if (login is null) continue;
                        var keyed = target.KeyFile is not null && login.Method == "publickey";
                        var gap = TimeWords.Span(Math.Min(at, login.Ticks), Math.Max(at, login.Ticks));
                        var via = $"'{CommandSignals.Excerpt(outbound.Text, 100)}' in {from.Host}'s {(outbound.Parser == ParserNames.BashHistory ? "shell history" : "evidence")} at {TimeWords.Of(outbound.Ticks)} and the logon of '{login.User}' on {to.Host} from {login.SourceIp ?? "?"} {gap} apart"
                            + (named ? $"; the command names {to.Host}" : "") + (keyed ? $"; both use a key ({target.KeyFile} → {login.KeyFingerprint})" : "")
                            + (login.SourceIp is not null ? $"; {login.SourceIp} is then {from.Host}'s address" : "");
                        moves.Add(new LateralMove(from.Host, to.Host, outbound, login, via, Math.Min(0.95, 0.7 + (named ? 0.1 : 0) + (keyed ? 0.1 : 0))));
                    }
                }
            }
        }
        // A logon on one host from an address another host's evidence states as its own, once that host
        // shows attacker activity (worm code leaves no ssh command to match: threat-notes §1.6).
        foreach (var from in hosts)
        {
            if (from.OwnAddresses.Count == 0) continue;
            var attacked = from.Signals.Where(s => s.Strong && s.Timed).MinBy(s => s.Ticks);
            if (attacked?.Ticks is not { } since) continue;
            foreach (var to in hosts)
            {
                if (ReferenceEquals(to, from)) continue;
                foreach (var login in to.Logins)
                {
                    if (login.SourceIp is not { } ip || !from.OwnAddresses.TryGetValue(ip, out var own)) continue;
                    if (login.Ticks < since - TimeSpan.TicksPerMinute || login.Ticks - since > options.EntryLookback.Ticks) continue;
                    var via = $"the logon of '{login.User}' on {to.Host} from {ip} ({login.Method}) at {TimeWords.Of(login.Ticks)}: {ip} is {from.Host}'s own address ({own.How}, {TimeWords.Of(own.Ticks)}), "
                        + $"and {from.Host} shows attacker activity from {TimeWords.Of(since)} ({CommandSignals.Excerpt(attacked.Summary, 100)}), {TimeWords.Span(Math.Min(since, login.Ticks), Math.Max(since, login.Ticks))} before";
                    moves.Add(new LateralMove(from.Host, to.Host, null, login, via, login.Method == "publickey" ? 0.85 : 0.8));
                }
            }
        }
        return moves.GroupBy(m => (m.FromHost, m.ToHost, m.Inbound.EventId)).Select(g => g.OrderByDescending(m => m.Confidence).First()).ToList();
    }
}
