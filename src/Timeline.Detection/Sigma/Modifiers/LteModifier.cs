using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>lte</c>: the field, read as a number, is less than or equal to the value.</summary>
public sealed class LteModifier : IModifier
{
    public string Name => "lte";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.SetType(Name, (p, v) => NumericTest.TryParse(v.RawOrText, out var bound)
            ? new NumericTest(NumericOperator.Lte, bound)
            : throw new RuleLoadException(v.Line, $"'lte' expects a number, got '{v.RawOrText}'", "modifier:lte"));
        return pattern;
    }
}
