namespace Timeline.Detection.Sigma.Correlations;

/// <summary><c>value_count</c>: distinct values of the condition field, bounded at condition+1 (oldest dropped).</summary>
internal sealed class ValueCountState(CorrelationRule rule) : GroupState(rule)
{
    private readonly Dictionary<string, long> _lastSeen = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _cap = rule.Condition!.CountCap;

    protected override void Accept(CorrelationInput input, int position, bool sliding)
    {
        var value = input.Field(Rule.Condition!.Field!);
        if (value is null) return;
        _lastSeen[value] = input.Ticks;
        if (sliding)
            foreach (var expired in _lastSeen.Where(p => input.Ticks - p.Value > Span).Select(p => p.Key).ToList())
                _lastSeen.Remove(expired);
        while (_lastSeen.Count > _cap) _lastSeen.Remove(_lastSeen.MinBy(p => p.Value).Key);
    }

    protected override bool Holds() => Rule.Condition!.Holds(_lastSeen.Count);
    protected override void Clear() => _lastSeen.Clear();
}
