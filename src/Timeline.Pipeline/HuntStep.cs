using System.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Store;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;

namespace Timeline.Pipeline;

/// <summary>
/// Step 2: Sigma rules over the case's events in time order; the matches replace the stored ones.
/// Matches stream from the engine into the store (no list of them is kept); the hits per rule are
/// tallied on the way.
/// </summary>
public static class HuntStep
{
    public static HuntResult Run(ICaseStore store, HuntRequest request)
    {
        var clock = Stopwatch.StartNew();
        var rules = RuleLoader.Load(request.RuleDirs);
        var engine = new RuleEngine(rules, SourceMappings.Load(request.Mappings));
        long events = 0, matches = 0;
        var matchedEvents = new HashSet<string>(StringComparer.Ordinal);
        var byRule = new Dictionary<string, (RuleMatch First, HashSet<string> Events)>(StringComparer.Ordinal);
        IEnumerable<EventRecord> Counted()
        {
            foreach (var e in store.Events())
            {
                request.Cancellation.ThrowIfCancellationRequested();
                events++;
                yield return e;
            }
        }
        IEnumerable<RuleMatch> Tallied()
        {
            foreach (var m in engine.Evaluate(Counted(), request.MinLevel))
            {
                matches++;
                matchedEvents.Add(m.EventId);
                if (!byRule.TryGetValue(m.RuleId, out var r)) byRule[m.RuleId] = r = (m, new HashSet<string>(StringComparer.Ordinal));
                r.Events.Add(m.EventId);
                yield return m;
            }
        }
        store.Matches.Replace(Tallied());
        var hits = byRule.Values.Select(r => (r.First, (long)r.Events.Count)).ToList();
        return new HuntResult(rules.Rules.Count + rules.Correlations.Count, rules.FilesFailed, events, matches, matchedEvents.Count, hits, clock.Elapsed,
            rules.Diagnostics.RegexTimeouts, rules.Diagnostics.RegexSkipped, rules.Diagnostics.Describe());
    }
}
