namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// <c>temporal_ordered</c>: the referenced rules matched in the listed order, all within the timespan of
/// the first. For each prefix length it keeps the latest possible chain start (a later start leaves the
/// most room), so memory is one slot per referenced rule.
/// </summary>
internal sealed class TemporalOrderedState(CorrelationRule rule) : GroupState(rule)
{
    private readonly long?[] _start = new long?[rule.RuleReferences.Count];
    private readonly List<string>[] _chainIds = Enumerable.Range(0, rule.RuleReferences.Count).Select(_ => new List<string>()).ToArray();
    private bool _complete;

    protected override bool SlidingOnlyWhenUpward => false;

    protected override void Accept(CorrelationInput input, int position, bool sliding)
    {
        var t = input.Ticks;
        for (var i = 0; i < _start.Length; i++)
            if (_start[i] is { } s && t - s > Span) { _start[i] = null; _chainIds[i].Clear(); }
        if (position == 0)
        {
            _start[0] = t;
            _chainIds[0].Clear();
            _chainIds[0].AddRange(input.EventIds.TakeLast(MaxEventIds));
        }
        else if (_start[position - 1] is { } prev && t - prev <= Span)
        {
            _start[position] = prev;
            _chainIds[position].Clear();
            _chainIds[position].AddRange(_chainIds[position - 1].Concat(input.EventIds).TakeLast(MaxEventIds));
        }
        _complete = _start[^1] is not null;
    }

    protected override void Collect(CorrelationInput input) { }

    protected override IReadOnlyList<string> HitIds() => [.. _chainIds[^1]];

    protected override bool Holds() => _complete;

    protected override void Clear()
    {
        Array.Clear(_start);
        foreach (var l in _chainIds) l.Clear();
        _complete = false;
    }
}
