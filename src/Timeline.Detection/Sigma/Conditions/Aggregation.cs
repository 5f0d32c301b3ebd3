using System.Globalization;
using System.Text.RegularExpressions;
using Timeline.Detection.Sigma.Correlations;

namespace Timeline.Detection.Sigma.Conditions;

/// <summary>
/// The deprecated Sigma 1 aggregation suffix: <c>selection | count([field]) [by group] op n</c>, with the
/// window from <c>detection.timeframe</c>. It becomes an implicit <c>event_count</c> (or, with a field,
/// <c>value_count</c>) correlation over the rule itself. Other functions (<c>min</c>, <c>max</c>, <c>avg</c>,
/// <c>sum</c>) and <c>near</c> are reported as unsupported.
/// </summary>
public sealed partial record Aggregation(string? Field, string? GroupBy, CorrelationCondition Condition)
{
    public static Aggregation Parse(string text, int line)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("near", StringComparison.OrdinalIgnoreCase))
            throw new RuleLoadException(line, "the 'near' aggregation is not supported", "aggregation:near");
        var m = Shape().Match(trimmed);
        if (!m.Success)
        {
            var fn = trimmed.Split('(')[0].Trim();
            throw new RuleLoadException(line, $"aggregation '{trimmed}' is not supported", "aggregation:" + (fn.Length is > 0 and < 12 ? fn : "other"));
        }
        var field = m.Groups["field"].Value.Trim();
        var group = m.Groups["group"].Success ? m.Groups["group"].Value.Trim() : null;
        var number = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var op = m.Groups["op"].Value switch
        {
            ">" => "gt",
            ">=" => "gte",
            "<" => "lt",
            "<=" => "lte",
            _ => "eq",
        };
        return new Aggregation(field.Length == 0 ? null : field, group, CorrelationCondition.Single(op, number));
    }

    [GeneratedRegex(@"^count\s*\(\s*(?<field>[^)]*)\)\s*(by\s+(?<group>[\w.\-]+)\s*)?(?<op>>=|<=|==|=|>|<)\s*(?<n>\d+(\.\d+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
