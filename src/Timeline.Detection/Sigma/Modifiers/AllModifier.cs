namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>all</c>: every value must match (AND instead of OR).</summary>
public sealed class AllModifier : IModifier
{
    public string Name => "all";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.MatchAll = true;
        return pattern;
    }
}
