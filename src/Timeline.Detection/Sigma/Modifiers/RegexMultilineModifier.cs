using System.Text.RegularExpressions;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>re|m</c>: ^ and $ match at line breaks. Only valid after <c>re</c>.</summary>
public sealed class RegexMultilineModifier : IModifier
{
    public string Name => "m";

    public ValuePattern Apply(ValuePattern pattern)
    {
        if (pattern.TypeModifier != "re") throw new RuleLoadException(pattern.Line, "modifier 'm' is only valid after 're'", "modifier-combination");
        pattern.RegexFlags |= RegexOptions.Multiline;
        return pattern;
    }
}
