using System.Globalization;

namespace Timeline.Detection.Sigma.Matching;

/// <summary><c>lt</c>/<c>lte</c>/<c>gt</c>/<c>gte</c>: both sides parsed as numbers (decimal or 0x hex); unparsable never matches.</summary>
public sealed class NumericTest(NumericOperator op, double bound) : IValueTest
{
    public string? RequiredLiteral => null;

    public bool Test(string? value, IFieldSource source)
    {
        if (value is null || !TryParse(value, out var number)) return false;
        return op switch
        {
            NumericOperator.Lt => number < bound,
            NumericOperator.Lte => number <= bound,
            NumericOperator.Gt => number > bound,
            _ => number >= bound,
        };
    }

    public static bool TryParse(string text, out double number)
    {
        var t = text.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            long.TryParse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            number = hex;
            return true;
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
