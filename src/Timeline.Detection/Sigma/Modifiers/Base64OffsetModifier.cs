using Timeline.Detection.Sigma.Values;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>
/// <c>base64offset</c>: the three Base64 forms of the value at byte offsets 0, 1 and 2 inside a larger
/// encoded string, each trimmed to the characters that do not depend on the neighbouring bytes.
/// Usually followed by <c>contains</c>.
/// </summary>
public sealed class Base64OffsetModifier : IModifier
{
    private static readonly int[] StartTrim = [0, 2, 3];
    private static readonly int[] EndTrim = [0, 3, 2];

    public string Name => "base64offset";

    public ValuePattern Apply(ValuePattern pattern)
    {
        var result = new List<SigmaValue>();
        foreach (var v in pattern.Values)
        {
            if (v.IsNull) { result.Add(v); continue; }
            var bytes = v.ToBytesForEncoding(Name);
            foreach (var variant in Encode(bytes)) result.Add(v.With(SigmaString.Literal(variant)));
        }
        pattern.Values = result;
        return pattern;
    }

    /// <summary>The three offset encodings of <paramref name="value"/>.</summary>
    public static IEnumerable<string> Encode(byte[] value)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var shifted = new byte[offset + value.Length];
            value.CopyTo(shifted, offset);
            var encoded = Convert.ToBase64String(shifted);
            var start = StartTrim[offset];
            var end = encoded.Length - EndTrim[(value.Length + offset) % 3];
            yield return end > start ? encoded[start..end] : "";
        }
    }
}
