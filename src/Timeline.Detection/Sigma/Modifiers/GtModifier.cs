using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>gt</c>: the field, read as a number, is greater than the value.</summary>
public sealed class GtModifier : IModifier
{
    public string Name => "gt";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.SetType(Name, (p, v) => NumericTest.TryParse(v.RawOrText, out var bound)
            ? new NumericTest(NumericOperator.Gt, bound)
            : throw new RuleLoadException(v.Line, $"'gt' expects a number, got '{v.RawOrText}'", "modifier:gt"));
        return pattern;
    }
}
