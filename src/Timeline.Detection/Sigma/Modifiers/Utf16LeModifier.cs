namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>utf16le</c>: the value becomes its UTF-16 little endian bytes, for a following <c>base64</c>/<c>base64offset</c>.</summary>
public sealed class Utf16LeModifier : IModifier
{
    public string Name => "utf16le";

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
