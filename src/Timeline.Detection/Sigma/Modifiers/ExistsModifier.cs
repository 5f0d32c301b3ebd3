using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>exists</c>: the value is a boolean; tests only the presence of the field.</summary>
public sealed class ExistsModifier : IModifier
{
    public string Name => "exists";

    public ValuePattern Apply(ValuePattern pattern)
    {
        if (pattern.Field is null) throw new RuleLoadException(pattern.Line, "'exists' needs a field", "modifier:exists");
        pattern.SetType(Name, (p, v) => v.RawOrText.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" => new ExistsTest(true),
            "false" or "no" => new ExistsTest(false),
            _ => throw new RuleLoadException(v.Line, $"'exists' expects true or false, got '{v.RawOrText}'", "modifier:exists"),
        });
        return pattern;
    }
}
