using Timeline.Core.Events;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma;

/// <summary>
/// The rules that can apply to one parser's events, grouped by mapping entry and indexed by the entry
/// gate's first field (e.g. <c>Channel</c> for EVTX), so an event only visits entries it can satisfy.
/// Built once per parser per engine.
/// </summary>
internal sealed class ParserPlan
{
    internal sealed record Variant(SigmaRule Rule, int RuleIndex, IReadOnlyList<Needle>? Needles);
    internal sealed record EntryPlan(SourceMappingEntry Entry, Variant[] Variants)
    {
        public NeedleIndex Needles { get; } = new(Variants.Select(v => v.Needles).ToList());
    }

    private readonly string? _dispatchField;
    private readonly Dictionary<string, EntryPlan[]> _byValue = new(StringComparer.OrdinalIgnoreCase);
    private readonly EntryPlan[] _always;

    public ParserPlan(SourceMapping mapping, IReadOnlyList<SigmaRule> rules)
    {
        Mapping = mapping;
        var variants = mapping.LogSources.ToDictionary(e => e, _ => new List<Variant>());
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var matching = mapping.LogSources.Where(e => e.Satisfies(rule.LogSource)).ToList();
            if (matching.Count == 0) continue;
            var ungated = matching.FirstOrDefault(e => e.When.Count == 0);
            var needles = rule.Detection.RequiredNeedles();
            foreach (var entry in ungated is null ? matching : [ungated])
                variants[entry].Add(new Variant(rule, i, needles is { Count: > 0 } ? needles : null));
        }
        var plans = mapping.LogSources.Where(e => variants[e].Count > 0).Select(e => new EntryPlan(e, [.. variants[e]])).ToList();
        RuleCount = plans.SelectMany(p => p.Variants).Select(v => v.RuleIndex).Distinct().Count();
        _dispatchField = plans.Where(p => p.Entry.When.Count > 0).GroupBy(p => p.Entry.When.Keys.First()).MaxBy(g => g.Count())?.Key;
        var always = new List<EntryPlan>();
        foreach (var plan in plans)
        {
            if (_dispatchField is null || !plan.Entry.When.TryGetValue(_dispatchField, out var values)) { always.Add(plan); continue; }
            foreach (var v in values)
                _byValue[v] = _byValue.TryGetValue(v, out var existing) ? [.. existing, plan] : [plan];
        }
        _always = [.. always];
        Entries = plans;
    }

    public IReadOnlyList<EntryPlan> Entries { get; }

    public SourceMapping Mapping { get; }

    /// <summary>Distinct rules that can apply to this parser.</summary>
    public int RuleCount { get; }

    public IEnumerable<EntryPlan> Candidates(EventRecord record)
    {
        foreach (var p in _always) yield return p;
        if (_dispatchField is not null && record.Fields.Get(_dispatchField) is { } value && _byValue.TryGetValue(value, out var plans))
            foreach (var p in plans) yield return p;
    }
}
