namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// <c>temporal</c>: every referenced rule (or as many as the condition asks) matched for the group within
/// the timespan, in any order. Keeps the last time and ids per referenced rule.
/// </summary>
internal sealed class TemporalState(CorrelationRule rule) : GroupState(rule)
{
    private readonly long?[] _last = new long?[rule.RuleReferences.Count];
    private readonly IdRing[] _ids = Enumerable.Range(0, rule.RuleReferences.Count).Select(_ => new IdRing(MaxEventIds)).ToArray();

    protected override bool SlidingOnlyWhenUpward => false;

    protected override void Accept(CorrelationInput input, int position, bool sliding)
    {
        _last[position] = input.Ticks;
        _ids[position].AddRange(input.EventIds);
        for (var i = 0; i < _last.Length; i++)
            if (_last[i] is { } t && input.Ticks - t > Span) { _last[i] = null; _ids[i].Clear(); }
    }

    protected override bool Holds()
    {
        var present = _last.Count(t => t is not null);
        return Rule.Condition is null ? present == _last.Length : Rule.Condition.Holds(present);
    }

    protected override void Clear()
    {
        Array.Clear(_last);
        foreach (var r in _ids) r.Clear();
    }
}
