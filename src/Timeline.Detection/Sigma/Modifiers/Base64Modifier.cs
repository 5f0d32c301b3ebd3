namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>base64</c>: the value is replaced by its Base64 encoding (UTF-8, or the bytes of a preceding utf16 modifier).</summary>
public sealed class Base64Modifier : IModifier
{
    public string Name => "base64";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Values = pattern.Values.Select(v => v.IsNull ? v : v.With(Values.SigmaString.Literal(Convert.ToBase64String(v.ToBytesForEncoding(Name))))).ToList();
        return pattern;
    }
}
