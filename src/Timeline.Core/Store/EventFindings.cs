using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Core.Store;

/// <summary>
/// What detection and the chain builder said about events — the rules that matched each event and
/// the chain phase of each step event — as every output asks for it (query rows and fields, the web
/// view, report exports). Rule matches come through a <see cref="MatchLookup"/> (bounded memory;
/// <see cref="Join"/> an ordered stream to fetch them batch by batch); phases from the stored chains,
/// which are small. Both are read on first use.
/// </summary>
public sealed class EventFindings : IRuleMatchLookup
{
    private readonly ICaseStore _store;
    private readonly Lazy<MatchLookup> _rules;
    private readonly Lazy<Dictionary<string, AttackPhase>> _phases;

    public EventFindings(ICaseStore store)
    {
        _store = store;
        _rules = new Lazy<MatchLookup>(() => new MatchLookup(store.Matches));
        _phases = new Lazy<Dictionary<string, AttackPhase>>(() => ChainPhases.Of(store.Chains.Load()));
    }

    /// <summary>The phase of every chain step event (chains are bounded, so this map is small).</summary>
    public IReadOnlyDictionary<string, AttackPhase> Phases => _phases.Value;

    /// <summary>True when no event has a rule or a phase, so writers can skip computing event ids.</summary>
    public bool IsEmpty => _rules.Value.IsEmpty && _phases.Value.Count == 0;

    public IReadOnlyList<RuleMatch> Of(string eventId) => _rules.Value.Of(eventId);

    public IReadOnlyList<RuleMatch> RulesOf(string eventId) => _rules.Value.Of(eventId);

    public AttackPhase? PhaseOf(string eventId) => _phases.Value.TryGetValue(eventId, out var p) ? p : null;

    /// <summary>The public spelling of the event's phase (<c>entry</c>, <c>persistence</c>, …), or null.</summary>
    public string? PhaseNameOf(string eventId) => _phases.Value.TryGetValue(eventId, out var p) ? Vocabulary.PhaseTable.Name(p) : null;

    /// <summary>Every rule match of the case, streamed (for tallies: hits per rule, level, technique).</summary>
    public IEnumerable<RuleMatch> AllMatches() => _store.Matches.Read();

    /// <summary>
    /// Passes an event stream through, fetching the matches of each batch first, so
    /// <see cref="RulesOf"/> answers from memory for every event of it.
    /// </summary>
    public IEnumerable<EventRecord> Join(IEnumerable<EventRecord> events) => _rules.Value.Join(events);

    /// <summary>Loads both now (before parallel workers share this object).</summary>
    public void Preload()
    {
        _ = _rules.Value;
        _ = _phases.Value;
    }
}
