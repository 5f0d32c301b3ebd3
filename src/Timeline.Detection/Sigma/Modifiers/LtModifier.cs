using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>lt</c>: the field, read as a number, is less than the value.</summary>
public sealed class LtModifier : IModifier
{
    public string Name => "lt";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.SetType(Name, (p, v) => NumericTest.TryParse(v.RawOrText, out var bound)
            ? new NumericTest(NumericOperator.Lt, bound)
            : throw new RuleLoadException(v.Line, $"'lt' expects a number, got '{v.RawOrText}'", "modifier:lt"));
        return pattern;
    }
}
