namespace Timeline.Detection.Sigma.Correlations;

/// <summary><c>event_count</c>: keeps at most condition+1 timestamps, which decides any comparison exactly.</summary>
internal sealed class EventCountState(CorrelationRule rule) : GroupState(rule)
{
    private readonly Queue<long> _times = new();
    private readonly int _cap = rule.Condition!.CountCap;

    protected override void Accept(CorrelationInput input, int position, bool sliding)
    {
        _times.Enqueue(input.Ticks);
        if (sliding) while (_times.Count > 0 && input.Ticks - _times.Peek() > Span) _times.Dequeue();
        while (_times.Count > _cap) _times.Dequeue();
    }

    protected override bool Holds() => Rule.Condition!.Holds(_times.Count);
    protected override void Clear() => _times.Clear();
}
