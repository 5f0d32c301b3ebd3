namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>contains</c>: wildcards around each value.</summary>
public sealed class ContainsModifier : IModifier
{
    public string Name => "contains";
    public ValuePattern Apply(ValuePattern pattern) => pattern.MapStrings(s => s.WithLeadingStar().WithTrailingStar());
}
