using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Query.Evaluation;

/// <summary>
/// The findings attached to events: rule matches (hunt) and chain phases (chain builder), loaded
/// from the case on first use and kept for the query. Both are small next to the events.
/// </summary>
public sealed class CaseFindings
{
    private readonly Lazy<Dictionary<string, List<RuleMatch>>> _rules;
    private readonly Lazy<Dictionary<string, AttackPhase>> _phases;

    public CaseFindings(CaseStore store)
        : this(() => CaseMatches.ByEvent(store), () => CaseChains.PhaseByEvent(store))
    {
    }

    public CaseFindings(Func<Dictionary<string, List<RuleMatch>>> rules, Func<Dictionary<string, AttackPhase>> phases)
    {
        _rules = new Lazy<Dictionary<string, List<RuleMatch>>>(rules);
        _phases = new Lazy<Dictionary<string, AttackPhase>>(phases);
    }

    public IReadOnlyDictionary<string, List<RuleMatch>> RulesByEvent => _rules.Value;

    public IReadOnlyDictionary<string, AttackPhase> PhaseByEvent => _phases.Value;

    public IReadOnlyList<RuleMatch> RulesOf(string eventId) => _rules.Value.TryGetValue(eventId, out var list) ? list : [];

    /// <summary>The public spelling of the event's phase (<c>entry</c>, <c>persistence</c>, …), or null.</summary>
    public string? PhaseOf(string eventId) => _phases.Value.TryGetValue(eventId, out var p) ? PhaseTable.Name(p) : null;
}
