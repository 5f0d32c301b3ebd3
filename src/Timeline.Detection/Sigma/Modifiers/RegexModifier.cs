using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>re</c>: the value is a regular expression, searched anywhere in the field, case-sensitive unless <c>i</c>.</summary>
public sealed class RegexModifier : IModifier
{
    public string Name => "re";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.SetType(Name, (p, v) => RegexTest.Create(v.RawOrText, p.RegexFlags, p.Context.Diagnostics, v.Line));
        return pattern;
    }
}
