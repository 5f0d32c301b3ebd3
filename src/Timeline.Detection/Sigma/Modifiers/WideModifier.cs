namespace Timeline.Detection.Sigma.Modifiers;

/// <summary><c>wide</c>: the value becomes its UTF-16 little endian (alias of utf16le) bytes, for a following <c>base64</c>/<c>base64offset</c>.</summary>
public sealed class WideModifier : TextEncodingModifier
{
    public override string Name => "wide";

    protected override byte[] Encode(string text) => System.Text.Encoding.Unicode.GetBytes(text);
}
