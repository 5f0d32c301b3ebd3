namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>wide</c>: the value becomes its UTF-16 little endian (alias of utf16le) bytes, for a following <c>base64</c>/<c>base64offset</c>.</summary>
public sealed class WideModifier : IModifier
{
    public string Name => "wide";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Values = pattern.Values.Select(v =>
        {
            if (v.IsNull) return v;
            var text = System.Text.Encoding.UTF8.GetString(v.ToBytesForEncoding(Name));
            return v.WithBytes(System.Text.Encoding.Unicode.GetBytes(text));
        }).ToList();
        return pattern;
    }
}
