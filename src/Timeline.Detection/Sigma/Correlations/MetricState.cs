namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// <c>value_sum</c>, <c>value_avg</c>, <c>value_percentile</c> over the numeric condition field. Keeps at
/// most <see cref="MaxValues"/> values per window (older ones drop: a documented approximation for
/// floods). Non-numeric values are ignored. Percentile uses nearest rank; default percentile is 50.
/// </summary>
internal sealed class MetricState(CorrelationRule rule) : GroupState(rule)
{
    public const int MaxValues = 10_000;
    private readonly Queue<(long Ticks, double Value)> _values = new();

    protected override void Accept(CorrelationInput input, int position, bool sliding)
    {
        var text = input.Field(Rule.Condition!.Field!);
        if (text is null || !Matching.NumericTest.TryParse(text, out var v)) return;
        _values.Enqueue((input.Ticks, v));
        if (sliding) while (_values.Count > 0 && input.Ticks - _values.Peek().Ticks > Span) _values.Dequeue();
        while (_values.Count > MaxValues) _values.Dequeue();
    }

    protected override bool Holds()
    {
        if (_values.Count == 0) return false;
        var metric = Rule.Type switch
        {
            CorrelationType.ValueSum => _values.Sum(x => x.Value),
            CorrelationType.ValueAvg => _values.Average(x => x.Value),
            _ => Percentile(_values.Select(x => x.Value).Order().ToArray(), Rule.Condition!.Percentile ?? 50),
        };
        return Rule.Condition!.Holds(metric);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(Math.Clamp(p, 0, 100) / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    protected override void Clear() => _values.Clear();
}
