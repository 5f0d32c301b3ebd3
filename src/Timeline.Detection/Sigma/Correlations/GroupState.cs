namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// The bounded state of one correlation for one group. Conditions that only grow into a match
/// (gt/gte) are checked on a sliding window at each input and fire at once (then the state restarts);
/// others are checked when a tumbling window closes, or at the end of the evidence.
/// </summary>
internal abstract class GroupState(CorrelationRule rule)
{
    public const int MaxEventIds = 100;

    protected CorrelationRule Rule { get; } = rule;
    protected long Span => Rule.Timespan.Ticks;
    protected IdRing Ids { get; } = new(MaxEventIds);
    public long LastTicks { get; private set; }
    private long _windowStart = long.MinValue;

    /// <summary>Feeds one input; returns the event ids of a hit, or null.</summary>
    public IReadOnlyList<string>? Add(CorrelationInput input, int position)
    {
        LastTicks = input.Ticks;
        if (Rule.Condition is { IsUpward: false } && SlidingOnlyWhenUpward)
        {
            IReadOnlyList<string>? closed = null;
            if (_windowStart != long.MinValue && input.Ticks - _windowStart > Span) closed = Close();
            if (_windowStart == long.MinValue) _windowStart = input.Ticks;
            Accept(input, position, sliding: false);
            Collect(input);
            return closed;
        }
        Accept(input, position, sliding: true);
        Collect(input);
        if (!Holds()) return null;
        var ids = HitIds();
        Reset();
        return ids;
    }

    /// <summary>Evaluates and clears an open tumbling window (end of evidence or window end).</summary>
    public IReadOnlyList<string>? Close()
    {
        if (_windowStart == long.MinValue) return null;
        var hit = Holds() ? HitIds() : null;
        Reset();
        return hit;
    }

    public bool HasOpenWindow => _windowStart != long.MinValue;

    protected virtual bool SlidingOnlyWhenUpward => true;

    /// <summary>Remembers the input's event ids for a later hit.</summary>
    protected virtual void Collect(CorrelationInput input) => Ids.AddRange(input.EventIds);

    /// <summary>The event ids a hit reports.</summary>
    protected virtual IReadOnlyList<string> HitIds() => Ids.ToList();

    private void Reset()
    {
        _windowStart = long.MinValue;
        Ids.Clear();
        Clear();
    }

    protected abstract void Accept(CorrelationInput input, int position, bool sliding);
    protected abstract bool Holds();
    protected abstract void Clear();
}
