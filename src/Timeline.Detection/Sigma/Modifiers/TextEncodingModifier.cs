namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>
/// The shape shared by <c>utf16le</c>, <c>utf16be</c>, <c>utf16</c> and <c>wide</c>: each value's text
/// becomes bytes in another encoding, which a following <c>base64</c>/<c>base64offset</c> encodes.
/// </summary>
public abstract class TextEncodingModifier : IModifier
{
    public abstract string Name { get; }

    /// <summary>The bytes of <paramref name="text"/> in this modifier's encoding.</summary>
    protected abstract byte[] Encode(string text);

    public ValuePattern Apply(ValuePattern pattern)
    {
        pattern.Values = pattern.Values.Select(v =>
        {
            if (v.IsNull) return v;
            var text = System.Text.Encoding.UTF8.GetString(v.ToBytesForEncoding(Name));
            return v.WithBytes(Encode(text));
        }).ToList();
        return pattern;
    }
}
