using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>cidr</c>: the field is an IPv4/IPv6 address inside the network.</summary>
public sealed class CidrModifier : IModifier
{
    public string Name => "cidr";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.SetType(Name, (p, v) => CidrTest.TryCreate(v.RawOrText, out var test)
            ? test!
            : throw new RuleLoadException(v.Line, $"invalid CIDR '{v.RawOrText}'", "modifier:cidr"));
        return pattern;
    }
}
