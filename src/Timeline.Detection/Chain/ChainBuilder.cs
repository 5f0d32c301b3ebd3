using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Detection.Chain;

/// <summary>
/// Reconstructs the intrusion on each host — entry point with runners-up, steps by phase, mining
/// start, IOCs, response plan, gaps and moves between hosts — from stored events and rule matches.
/// Works on parsed fields alone (no rule matches) and uses matches where present. Events stream
/// once in time order; per host only tallies, remarkable logons and flagged events are kept, so a
/// case of millions of events builds in bounded memory. The caller stores the result with
/// <see cref="CaseChains.Replace"/>.
/// </summary>
public static class ChainBuilder
{
    /// <summary>Builds the chains of a case (events in time order, matches from the last hunt).</summary>
    public static IReadOnlyList<AttackChain> Build(CaseStore store, ChainOptions? options = null) =>
        Build(store.Events(), CaseMatches.ByEvent(store), options);

    /// <summary>
    /// Builds chains from events in timeline order (by <see cref="EventRecord.SortTicks"/>, as
    /// <see cref="CaseStore.Events"/> yields them) and rule matches keyed by event id.
    /// </summary>
    public static IReadOnlyList<AttackChain> Build(IEnumerable<EventRecord> events, IReadOnlyDictionary<string, List<RuleMatch>> matches, ChainOptions? options = null)
    {
        options ??= new ChainOptions();
        var knowledge = options.Knowledge ?? ChainKnowledge.Bundled;
        var analytics = new EventAnalytics(knowledge);
        var hosts = new Dictionary<string, HostEvidence>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!hosts.TryGetValue(e.Host, out var host)) hosts[e.Host] = host = new HostEvidence(e.Host, options);
            analytics.Observe(e, host, matches.Count == 0 ? null : matches.GetValueOrDefault(e.Id));
        }
        var all = hosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal).ToList();
        var moves = new LateralLinker(options).Link(all);
        var assembler = new ChainAssembler(knowledge, options, matches);
        return all.Select(h => assembler.Assemble(h, moves)).OfType<AttackChain>().ToList();
    }
}
