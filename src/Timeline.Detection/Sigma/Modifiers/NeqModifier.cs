namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>neq</c>: the field differs from the values (the item is negated; an absent field differs).</summary>
public sealed class NeqModifier : IModifier
{
    public string Name => "neq";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Negated = true;
        return pattern;
    }
}
