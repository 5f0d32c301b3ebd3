using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>gte</c>: the field, read as a number, is greater than or equal to the value.</summary>
public sealed class GteModifier : IModifier
{
    public string Name => "gte";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.SetType(Name, (p, v) => NumericTest.TryParse(v.RawOrText, out var bound)
            ? new NumericTest(NumericOperator.Gte, bound)
            : throw new RuleLoadException(v.Line, $"'gte' expects a number, got '{v.RawOrText}'", "modifier:gte"));
        return pattern;
    }
}
