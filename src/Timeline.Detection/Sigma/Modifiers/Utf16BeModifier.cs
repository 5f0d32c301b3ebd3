namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>utf16be</c>: the value becomes its UTF-16 big endian bytes, for a following <c>base64</c>/<c>base64offset</c>.</summary>
public sealed class Utf16BeModifier : IModifier
{
    public string Name => "utf16be";

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Values = pattern.Values.Select(v =>
        {
            if (v.IsNull) return v;
            var text = System.Text.Encoding.UTF8.GetString(v.ToBytesForEncoding(Name));
            return v.WithBytes(System.Text.Encoding.BigEndianUnicode.GetBytes(text));
        }).ToList();
        return pattern;
    }
}
