using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>fieldref</c>: the value names another field; matches when both fields hold the same value.</summary>
public sealed class FieldRefModifier : IModifier
{
    public string Name => "fieldref";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.SetType(Name, (p, v) => new FieldRefTest(v.RawOrText, p.CaseSensitive));
        return pattern;
    }
}
