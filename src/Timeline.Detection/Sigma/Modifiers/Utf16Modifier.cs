namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>utf16</c>: the value becomes its UTF-16 little endian bytes with a byte order mark, for a following <c>base64</c>/<c>base64offset</c>.</summary>
public sealed class Utf16Modifier : TextEncodingModifier
{
    public override string Name => "utf16";

    protected override byte[] Encode(string text) => [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(text)];
}
