using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Report;

/// <summary>
/// What detection and the chain builder said about events: the rule matches and the chain phase of
/// each event id. Both are small next to the events, so they are loaded whole once per report.
/// </summary>
public sealed class EventAnnotations
{
    private static readonly IReadOnlyList<RuleMatch> NoRules = [];

    private EventAnnotations(Dictionary<string, List<RuleMatch>> rules, Dictionary<string, AttackPhase> phases)
    {
        RulesByEvent = rules;
        PhaseByEvent = phases;
    }

    public IReadOnlyDictionary<string, List<RuleMatch>> RulesByEvent { get; }
    public IReadOnlyDictionary<string, AttackPhase> PhaseByEvent { get; }

    /// <summary>True when no event has a rule or a phase, so writers can skip computing event ids.</summary>
    public bool IsEmpty => RulesByEvent.Count == 0 && PhaseByEvent.Count == 0;

    public static EventAnnotations Load(CaseStore store) => new(CaseMatches.ByEvent(store), CaseChains.PhaseByEvent(store));

    public IReadOnlyList<RuleMatch> RulesOf(string eventId) => RulesByEvent.TryGetValue(eventId, out var list) ? list : NoRules;

    public string? PhaseOf(string eventId) => PhaseByEvent.TryGetValue(eventId, out var p) ? PhaseTable.Name(p) : null;
}
