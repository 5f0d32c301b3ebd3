namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>endswith</c>: a wildcard before each value.</summary>
public sealed class EndsWithModifier : IModifier
{
    public string Name => "endswith";
    public ValuePattern Apply(ValuePattern pattern) => pattern.MapStrings(s => s.WithLeadingStar());
}
