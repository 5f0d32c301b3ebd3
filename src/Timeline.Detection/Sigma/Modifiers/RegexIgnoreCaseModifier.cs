using System.Text.RegularExpressions;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>re|i</c>: case-insensitive matching. Only valid after <c>re</c>.</summary>
public sealed class RegexIgnoreCaseModifier : IModifier
{
    public string Name => "i";

    public ValuePattern Apply(ValuePattern pattern)
    {
        if (pattern.TypeModifier != "re") throw new RuleLoadException(pattern.Line, "modifier 'i' is only valid after 're'", "modifier-combination");
        pattern.RegexFlags |= RegexOptions.IgnoreCase;
        return pattern;
    }
}
