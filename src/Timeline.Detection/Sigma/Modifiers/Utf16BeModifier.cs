namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>utf16be</c>: the value becomes its UTF-16 big endian bytes, for a following <c>base64</c>/<c>base64offset</c>.</summary>
public sealed class Utf16BeModifier : TextEncodingModifier
{
    public override string Name => "utf16be";

    protected override byte[] Encode(string text) => System.Text.Encoding.BigEndianUnicode.GetBytes(text);
}
