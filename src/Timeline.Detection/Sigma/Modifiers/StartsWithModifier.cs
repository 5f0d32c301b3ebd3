namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>startswith</c>: a wildcard after each value.</summary>
public sealed class StartsWithModifier : IModifier
{
    public string Name => "startswith";
    public ValuePattern Apply(ValuePattern pattern) => pattern.MapStrings(s => s.WithTrailingStar());
}
