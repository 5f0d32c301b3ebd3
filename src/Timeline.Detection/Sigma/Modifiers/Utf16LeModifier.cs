namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>utf16le</c>: the value becomes its UTF-16 little endian bytes, for a following <c>base64</c>/<c>base64offset</c>.</summary>
public sealed class Utf16LeModifier : TextEncodingModifier
{
    public override string Name => "utf16le";

    protected override byte[] Encode(string text) => System.Text.Encoding.Unicode.GetBytes(text);
}
