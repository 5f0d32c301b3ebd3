using System.Globalization;

namespace Timeline.Detection.Sigma.Correlations;

/// <summary>
/// A correlation's <c>condition</c>: one or more comparisons that must all hold (<c>gt: 100, lte: 200</c>),
/// the <c>field</c> for value-based types, and the <c>percentile</c> for <c>value_percentile</c>.
/// </summary>
public sealed class CorrelationCondition
{
    public CorrelationCondition(IReadOnlyList<(string Op, double Value)> comparisons, string? field = null, double? percentile = null)
    {
        Comparisons = comparisons;
        Field = field;
        Percentile = percentile;
    }

    public IReadOnlyList<(string Op, double Value)> Comparisons { get; }
    public string? Field { get; }
    public double? Percentile { get; }

    public static CorrelationCondition Single(string op, double value, string? field = null) => new([(op, value)], field);

    /// <summary>True when only <c>gt</c>/<c>gte</c> are used: the aggregate can only grow into a match, so it fires as soon as it holds.</summary>
    public bool IsUpward => Comparisons.All(c => c.Op is "gt" or "gte");

    /// <summary>Counts above this are all alike for this condition: stateful counters may stop there.</summary>
    public int CountCap => (int)Math.Min(int.MaxValue - 1, Math.Ceiling(Comparisons.Max(c => c.Value)) + 1);

    public bool Holds(double x) => Comparisons.All(c => c.Op switch
    {
        "gt" => x > c.Value,
        "gte" => x >= c.Value,
        "lt" => x < c.Value,
        "lte" => x <= c.Value,
        "neq" => x != c.Value,
        _ => x == c.Value,
    });

    public override string ToString() => string.Join(", ", Comparisons.Select(c => c.Op + " " + c.Value.ToString(CultureInfo.InvariantCulture)));
}
