using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Writes one host's <see cref="AttackChain"/> from what streamed past: finds the first attacker
/// activity, ranks the entry point, derives the attacker's sessions, addresses and keys, links the
/// events that belong (<see cref="ChainLinker"/>) and adds IOCs, the response plan, gaps and moves.
/// A host with no attacker evidence (no strong signal, no brute-force success, no inbound move) has no chain.
/// </summary>
public sealed class ChainAssembler(ChainKnowledge knowledge, ChainOptions options, IRuleMatchLookup? matches = null)
{
    public AttackChain? Assemble(HostEvidence h, IReadOnlyList<LateralMove> moves)
    {
        var inbound = moves.Where(m => m.ToHost == h.Host).ToList();
        var outbound = moves.Where(m => m.FromHost == h.Host).ToList();
        var strong = h.Signals.Where(s => s.Strong).ToList();
        var brute = h.Logins.Where(l => l.FailuresBefore >= options.BruteForceMinFailures).ToList();
        if (strong.Count == 0 && brute.Count == 0 && inbound.Count == 0) return null;

        var c = new AttackContext { Host = h, Inbound = inbound, Outbound = outbound };
        var firstStrong = strong.Where(s => s.Timed).MinBy(s => s.Ticks);
        c.Start = firstStrong?.Ticks ?? inbound.Select(m => (long?)m.Inbound.Ticks).Min() ?? brute.Select(l => (long?)l.Ticks).Min();
        c.End = strong.Where(s => s.Timed).Select(s => s.LastTicks ?? s.Ticks).Max() ?? c.Start;

        var ranked = new EntryRanker(options).Rank(h, c.Start, firstStrong, inbound);
        c.Entry = ranked.FirstOrDefault(r => r.Point.Confidence >= 0.3);
        c.RunnersUp = ranked.Where(r => !ReferenceEquals(r, c.Entry)).Take(options.MaxRunnersUp).ToList();
        if (c.Entry?.Login is { } el) c.Start = Math.Min(c.Start ?? el.Ticks, el.Ticks);

        Attacker(c, strong);
        new ChainLinker(options).Link(c);
        var iocs = new IocCollector(knowledge.Indicators, knowledge.Patterns).Collect(c);
        var steps = Steps(c);
        // Mining starts at the first timed evidence of a running miner; a miner seen only in the live state
        // was running at collection, which is the latest it can have started (the root cause says so).
        var mining = c.Included.Where(i => i.Signal.MiningRun && i.Signal.Timed).Select(i => i.Signal.Ticks).Min();
        var miningAtCollection = mining is null ? c.Included.Where(i => i.Signal.MiningRun && i.Signal.TimeQuality.HasFlag(TimeQuality.Snapshot)).Select(i => i.Signal.Ticks).Min() : null;
        mining ??= miningAtCollection;
        return new AttackChain
        {
            Host = h.Host,
            Entry = c.Entry?.Point,
            RunnersUp = c.RunnersUp.Select(r => r.Point).ToList(),
            RootCause = RootCauseText.Write(c, mining, miningAtCollection is not null),
            Steps = steps,
            Indicators = iocs,
            Response = new ResponsePlanner(knowledge.Response).Plan(c, iocs),
            Gaps = new GapFinder().Find(c),
            Lateral = outbound.Concat(inbound).Select(m => new LateralLink(m.FromHost, m.ToHost, m.Via, m.Outbound?.EventId, m.Inbound.EventId, m.Inbound.Ticks)).ToList(),
            MiningStartTicks = mining,
            LiveState = LiveStateOf(h),
            Confidence = Math.Round(c.Entry?.Point.Confidence is { } ec ? Math.Max(ec, strong.Count > 0 ? 0.5 : 0) : strong.Count > 0 ? 0.5 : 0.3, 2),
        };
    }

    /// <summary>The live state of the chain: when it was collected, the listed processes and their connections; null when the host has none.</summary>
    private static LiveState? LiveStateOf(HostEvidence h)
    {
        if (!h.Live.Any) return null;
        var processes = h.LiveSuspects
            .Select(s => new LiveProcess(s.Pid, s.Row?.User, s.Command, s.Row?.Cpu, s.Why, s.Mining, s.EventIds.Count > 0 ? s.EventIds : s.Signal is { } sig ? [sig.EventId] : [], s.ExePath, s.Name)).ToList();
        var connections = h.LiveSuspects.SelectMany(s => s.Connections.Select(c => new LiveConnection(s.Pid, c.Connection.Process ?? s.Name, c.Connection.Remote, c.Why, [c.Connection.EventId]))).ToList();
        return new LiveState(h.Live.CollectedAtTicks, h.Live.CollectedAtQuality, processes, connections);
    }

    /// <summary>Sessions, addresses, keys and users of the attacker, and the logons that came back.</summary>
    private void Attacker(AttackContext c, List<Signal> strong)
    {
        var h = c.Host;
        var entryTicks = c.Entry?.Point.Ticks ?? c.Start ?? long.MinValue;
        if (c.Entry?.Login is { } login)
        {
            c.AttackerUsers.Add(login.User);
            if (login.SourceIp is { } ip) c.AttackerIps.Add(ip);
            if (login.NewKey && login.KeyFingerprint is { } fp) c.AttackerKeys.Add(fp);
            c.Sessions.Add((login.User, login.Ticks, login.CloseTicks ?? login.Ticks + options.SessionMax.Ticks, login));
        }
        else if (c.Entry?.Point.User is { } u) c.AttackerUsers.Add(u);
        foreach (var s in strong.Where(s => s.User is not null && s.Parser is ParserNames.BashHistory or ParserNames.Auth or ParserNames.Audit)) c.AttackerUsers.Add(s.User!);

        // Keys written by the attacker, unless the key was already in use before the incident (an admin's key put back).
        foreach (var s in strong.Where(s => s.Facts.ContainsKey("finding:" + AnalyticKinds.KeysTamper)))
            foreach (var fp in s.Artifacts.KeyFingerprints)
                if (!h.KeysSeen.Any(k => k.Key.EndsWith("|" + fp, StringComparison.Ordinal) && k.Value < (s.Ticks ?? long.MaxValue))) c.AttackerKeys.Add(fp);
        foreach (var k in h.AuthorizedKeys.Where(k => k.Strong)) c.AttackerKeys.Add(k.Facts.GetValueOrDefault(FieldNames.KeyFingerprint) ?? "");
        c.AttackerKeys.Remove("");

        foreach (var l in h.Logins)
        {
            if (ReferenceEquals(l, c.Entry?.Login) || l.Ticks < entryTicks) continue;
            var byKey = l.KeyFingerprint is { } fp && c.AttackerKeys.Contains(fp);
            // The same address coming back counts for the accounts the attacker used, within a week;
            // an unrelated account from a recycled address months later is not the attacker.
            var byIp = l.SourceIp is { } ip && c.AttackerIps.Contains(ip) && c.AttackerUsers.Contains(l.User) && l.Ticks - entryTicks <= TimeSpan.TicksPerDay * 7;
            if (!byKey && !byIp) continue;
            // A key first used by a logon that comes back from the attacker's address is the attacker's key
            // (planted during the entry session): its authorized_keys line is persistence to remove.
            if (byIp && l.NewKey && l.KeyFingerprint is { } newKey) c.AttackerKeys.Add(newKey);
            c.Returns.Add(l);
            if (l.SourceIp is { } rip) c.AttackerIps.Add(rip);
            c.Sessions.Add((l.User, l.Ticks, l.CloseTicks ?? l.Ticks + options.SessionMax.Ticks, l));
        }
        foreach (var m in c.Inbound)
            if (!c.Sessions.Any(s => ReferenceEquals(s.Login, m.Inbound)))
                c.Sessions.Add((m.Inbound.User, m.Inbound.Ticks, m.Inbound.CloseTicks ?? m.Inbound.Ticks + options.SessionMax.Ticks, m.Inbound));
        if (c.Returns.Count > 0) c.End = Math.Max(c.End ?? 0, c.Returns.Max(r => r.Ticks));
    }

    /// <summary>The step with the analytic's technique ids and those tagged on its event's rules, ordered and without repeats like the contract.</summary>
    private AttackStep Cited(AttackStep step, IEnumerable<string> analytic) => step with
    {
        Techniques = analytic.Concat(TechniqueIds.OfRules(step.EventId, step.RuleIds, matches)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
    };

    private List<AttackStep> Steps(AttackContext c)
    {
        var steps = new List<(long? Anchor, AttackStep Step)>();
        if (c.Entry is { } entry)
        {
            if (entry.Login is { } l)
                steps.Add((l.Ticks, Cited(new AttackStep(AttackPhase.Entry, l.Ticks, l.TimeQuality, l.EventId, entry.Point.Summary, entry.Point.Why, l.RuleIds, entry.Point.Confidence, l.Origin), knowledge.Techniques.Of([entry.Point.Kind]))));
            else if (entry.Signal is { } s && entry.Point.Kind == AnalyticKinds.ExploitedService)
                steps.Add((s.SortTicks, Cited(new AttackStep(AttackPhase.Entry, s.Ticks, s.TimeQuality, s.EventId, entry.Point.Summary + " — " + s.Summary, entry.Point.Why + "; " + s.Why, s.RuleIds, entry.Point.Confidence, s.Origin), knowledge.Techniques.Of([entry.Point.Kind]).Concat(knowledge.Techniques.Of(s)))));
        }
        foreach (var r in c.Returns)
        {
            var planted = r.KeyFingerprint is { } fp && c.AttackerKeys.Contains(fp);
            steps.Add((r.Ticks, Cited(new AttackStep(planted ? AttackPhase.Persistence : AttackPhase.Entry, r.Ticks, r.TimeQuality, r.EventId,
                $"{(planted ? "logs back in with the planted key" : "logs back in")} as '{r.User}' from {r.SourceIp}",
                planted ? $"key {r.KeyFingerprint} was planted by the attacker: the persistence works" : $"same address as the entry ({r.SourceIp})", r.RuleIds, planted ? 0.9 : 0.7, r.Origin), knowledge.Techniques.Of([planted ? AnalyticKinds.ReturnedKey : AnalyticKinds.Returned]))));
        }
        foreach (var (s, anchor) in c.Included)
        {
            var repeats = s.Repeats > 1 ? $" (×{s.Repeats}, last {TimeWords.Of(s.LastTicks)})" : "";
            steps.Add((anchor ?? s.SortTicks, Cited(new AttackStep(s.Phase, s.Ticks, s.TimeQuality, s.EventId, s.Summary + repeats,
                s.Why + (s.RuleTitles.Count > 0 ? $"; rules: {string.Join(", ", s.RuleTitles)}" : ""), s.RuleIds, Math.Round(s.Confidence, 2), s.Origin), knowledge.Techniques.Of(s))));
        }
        foreach (var m in c.Outbound)
            if (m.Outbound is { } o && !c.Contains(o))
                steps.Add((o.Ticks, Cited(new AttackStep(AttackPhase.Lateral, o.Ticks, o.TimeQuality, o.EventId, $"moves to {m.ToHost}: {CommandSignals.Excerpt(o.Text, 100)}", m.Via, o.RuleIds, m.Confidence, o.Origin), knowledge.Techniques.Of([AnalyticKinds.SshOut]))));
        // Worm code leaves no ssh command on this host: the move is told by the logon on the peer.
        foreach (var m in c.Outbound.Where(m => m.Outbound is null))
            steps.Add((m.Inbound.Ticks, Cited(new AttackStep(AttackPhase.Lateral, m.Inbound.Ticks, m.Inbound.TimeQuality, m.Inbound.EventId,
                $"moves to {m.ToHost}: '{m.Inbound.User}' logs in there from {m.Inbound.SourceIp} ({m.Inbound.Method}), this host's address",
                m.Via, m.Inbound.RuleIds, m.Confidence, m.Inbound.Origin), knowledge.Techniques.Of([AnalyticKinds.SshOut]))));
        return steps.OrderBy(s => s.Anchor ?? long.MaxValue)
            .ThenBy(s => s.Step.TimeQuality.HasFlag(TimeQuality.FileMtime))
            .ThenBy(s => s.Step.Origin.File, StringComparer.Ordinal)
            .ThenBy(s => s.Step.Origin.Position)
            .Select(s => s.Step)
            .DistinctBy(s => (s.EventId, s.Phase)).ToList();
    }
}
