namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>cased</c>: compare case-sensitively.</summary>
public sealed class CasedModifier : IModifier
{
    public string Name => "cased";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.CaseSensitive = true;
        return pattern;
    }
}
