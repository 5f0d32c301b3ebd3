using System.Text.RegularExpressions;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>re|s</c>: . matches newlines too. Only valid after <c>re</c>.</summary>
public sealed class RegexSinglelineModifier : IModifier
{
    public string Name => "s";

    public ValuePattern Apply(ValuePattern pattern)
    {
        if (pattern.TypeModifier != "re") throw new RuleLoadException(pattern.Line, "modifier 's' is only valid after 're'", "modifier-combination");
        pattern.RegexFlags |= RegexOptions.Singleline;
        return pattern;
    }
}
