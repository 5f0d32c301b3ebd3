namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// Streams rule matches (in time order) through every correlation. State is per correlation and group,
/// each bounded; idle groups are evicted once their window has passed. Hits of a correlation feed the
/// correlations that reference it.
/// </summary>
internal sealed class CorrelationRunner
{
    private const int SweepEvery = 4096;

    private readonly Dictionary<string, List<(CorrelationRule Rule, int Position)>> _consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<CorrelationRule, Dictionary<string, GroupState>> _groups = [];
    private int _sinceSweep;

    public CorrelationRunner(IReadOnlyList<CorrelationRule> correlations)
    {
        foreach (var c in correlations)
        {
            _groups[c] = new Dictionary<string, GroupState>(StringComparer.Ordinal);
            for (var i = 0; i < c.RuleReferences.Count; i++)
            {
                var key = c.RuleReferences[i];
                if (!_consumers.TryGetValue(key, out var list)) _consumers[key] = list = [];
                list.Add((c, i));
            }
        }
    }

    /// <summary>True when some correlation references the rule (by id or name).</summary>
    public bool Consumes(string id, string? name) => _consumers.ContainsKey(id) || (name is not null && _consumers.ContainsKey(name));

    /// <summary>Feeds one match; returns the hits it causes, nested ones included.</summary>
    public List<CorrelationHit> Feed(CorrelationInput input)
    {
        var hits = new List<CorrelationHit>();
        var pending = new Queue<CorrelationInput>();
        pending.Enqueue(input);
        while (pending.Count > 0)
        {
            var next = pending.Dequeue();
            foreach (var (rule, position) in ConsumersOf(next))
            {
                // A correlation never consumes its own hit (aggregations share their base rule's id).
                if (next.FromCorrelation && rule.Id == next.RuleKey) continue;
                var groupValues = rule.GroupBy.ToDictionary(g => g, g => next.Field(FieldFor(rule, g, next)), StringComparer.Ordinal);
                var key = string.Join("\u001f", groupValues.Values.Select(v => v?.ToLowerInvariant() ?? "\u0000"));
                var groups = _groups[rule];
                if (!groups.TryGetValue(key, out var state)) groups[key] = state = NewState(rule);
                if (state.Add(next, position) is { } ids)
                {
                    var hit = new CorrelationHit(rule, ids, next.Ticks, groupValues);
                    hits.Add(hit);
                    pending.Enqueue(AsInput(hit, next));
                }
            }
        }
        if (++_sinceSweep >= SweepEvery)
        {
            _sinceSweep = 0;
            Sweep(input.Ticks, hits);
        }
        return hits;
    }

    /// <summary>Closes every open window (end of evidence).</summary>
    public List<CorrelationHit> Finish()
    {
        var hits = new List<CorrelationHit>();
        foreach (var (rule, groups) in _groups)
            foreach (var state in groups.Values)
                if (state.Close() is { } ids) hits.Add(new CorrelationHit(rule, ids, state.LastTicks, new Dictionary<string, string?>()));
        return hits;
    }

    private void Sweep(long now, List<CorrelationHit> hits)
    {
        foreach (var (rule, groups) in _groups)
        {
            var idle = groups.Where(g => now - g.Value.LastTicks > rule.Timespan.Ticks).Select(g => g.Key).ToList();
            foreach (var key in idle)
            {
                if (groups[key].Close() is { } ids) hits.Add(new CorrelationHit(rule, ids, groups[key].LastTicks, new Dictionary<string, string?>()));
                groups.Remove(key);
            }
        }
    }

    private IEnumerable<(CorrelationRule, int)> ConsumersOf(CorrelationInput input)
    {
        if (_consumers.TryGetValue(input.RuleKey, out var byId)) foreach (var c in byId) yield return c;
        if (input.RuleName is { } name && name != input.RuleKey && _consumers.TryGetValue(name, out var byName))
            foreach (var c in byName) yield return c;
    }

    private static string FieldFor(CorrelationRule rule, string groupField, CorrelationInput input)
    {
        if (!rule.Aliases.TryGetValue(groupField, out var perRule)) return groupField;
        if (perRule.TryGetValue(input.RuleKey, out var f)) return f;
        return input.RuleName is not null && perRule.TryGetValue(input.RuleName, out f) ? f : groupField;
    }

    private static CorrelationInput AsInput(CorrelationHit hit, CorrelationInput last) =>
        new(hit.Rule.Id, hit.Rule.Name, hit.Ticks, hit.EventIds,
            field => hit.GroupValues.TryGetValue(field, out var v) ? v : last.Field(field), FromCorrelation: true);

    private static GroupState NewState(CorrelationRule rule) => rule.Type switch
    {
        CorrelationType.EventCount => new EventCountState(rule),
        CorrelationType.ValueCount => new ValueCountState(rule),
        CorrelationType.Temporal => new TemporalState(rule),
        CorrelationType.TemporalOrdered => new TemporalOrderedState(rule),
        _ => new MetricState(rule),
    };
}
