using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Detection.Chain;

/// <summary>
/// Reconstructs the intrusion on each host — entry point with runners-up, steps by phase, mining
/// start, IOCs, response plan, gaps and moves between hosts — from stored events and rule matches.
/// Works on parsed fields alone (no rule matches) and uses matches where present. Events stream
/// once in time order; per host only tallies, remarkable logons and flagged events are kept, so a
/// case of millions of events builds in bounded memory. It never reads a store: the pipeline hands
/// it the event stream and a match lookup, and stores the result (<see cref="IChainStore.Replace"/>).
/// </summary>
public static class ChainBuilder
{
    /// <summary>
    /// Builds chains from events in timeline order (by <see cref="EventRecord.SortTicks"/>, as
    /// <see cref="ICaseStore.Events"/> yields them) and the rule matches of each event (a
    /// <see cref="MatchLookup"/> joined to the same stream, or a fixed set).
    /// </summary>
    public static IReadOnlyList<AttackChain> Build(IEnumerable<EventRecord> events, IRuleMatchLookup matches, ChainOptions? options = null)
    {
        options ??= new ChainOptions();
        var knowledge = options.Knowledge ?? ChainKnowledge.Bundled;
        var analytics = new EventAnalytics(knowledge);
        var hosts = new Dictionary<string, HostEvidence>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!hosts.TryGetValue(e.Host, out var host)) hosts[e.Host] = host = new HostEvidence(e.Host, options);
            analytics.Observe(e, host, matches.Of(e.Id));
        }
        var all = hosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal).ToList();
        foreach (var host in all) analytics.Complete(host);
        var moves = new LateralLinker(options).Link(all);
        var assembler = new ChainAssembler(knowledge, options, matches);
        return all.Select(h => assembler.Assemble(h, moves)).OfType<AttackChain>().ToList();
    }

    /// <summary>Builds chains from events in timeline order and matches keyed by event id (small sets, tests).</summary>
    public static IReadOnlyList<AttackChain> Build(IEnumerable<EventRecord> events, IReadOnlyDictionary<string, List<RuleMatch>> matches, ChainOptions? options = null) =>
        Build(events, new RuleMatchesByEvent(matches), options);
}
