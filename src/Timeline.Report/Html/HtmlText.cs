using Timeline.Core.Output;
using System.Globalization;
using System.Text;

namespace Timeline.Report.Html;

/// <summary>
/// Encoding of evidence for each HTML context. Evidence is attacker-controlled: a username can be
/// markup, a command can carry ANSI escapes or a right-to-left override that makes it read
/// backwards. Every value goes through <see cref="Shown"/> (invisible and reordering characters made
/// visible as <c>\u{XXXX}</c>, long values cut) and then through the encoder of its context:
/// <see cref="Text"/> for element content, <see cref="Attribute"/> for double-quoted attribute values,
/// <see cref="ScriptData"/> for JSON inside <c>&lt;script type="application/json"&gt;</c>.
/// </summary>
public static class HtmlText
{
    /// <summary>Longest value shown in the report before it is cut (the exports keep everything).</summary>
    public const int DefaultMax = 2_000;

    /// <summary>
    /// The value as a reader should see it: C0/C1 controls (ANSI escapes, CR, backspace), DEL,
    /// bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C), zero-width and
    /// line/paragraph separators shown as <c>\u{XXXX}</c>; lone surrogates replaced by U+FFFD; cut to
    /// <paramref name="max"/> characters with a note of how much was left out.
    /// </summary>
    public static string Shown(string? value, int max = DefaultMax)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var limit = Math.Min(value.Length, max);
        if (limit > 0 && limit < value.Length && char.IsHighSurrogate(value[limit - 1])) limit--;
        var i = 0;
        while (i < limit && IsPlain(value, i)) i++;
        string shown;
        if (i == limit) shown = limit == value.Length ? value : value[..limit];
        else
        {
            var sb = new StringBuilder(limit + 32);
            sb.Append(value, 0, i);
            for (; i < limit; i++)
            {
                var c = value[i];
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < limit && char.IsLowSurrogate(value[i + 1])) sb.Append(c).Append(value[++i]);
                    else sb.Append('\uFFFD');
                }
                else if (VisibleText.IsHidden(c)) VisibleText.AppendEscaped(sb, c);
                else sb.Append(c);
            }
            shown = sb.ToString();
        }
        return limit == value.Length ? shown : shown + $" … [{value.Length - limit:N0} more characters]";
    }

    /// <summary>Element content: <c>&amp; &lt; &gt; " '</c> encoded (after <see cref="Shown"/>).</summary>
    public static string Text(string? value, int max = DefaultMax) => Encode(Shown(value, max));

    /// <summary>A double-quoted attribute value; the same encoding as <see cref="Text"/>, which covers quotes.</summary>
    public static string Attribute(string? value, int max = DefaultMax) => Encode(Shown(value, max));

    /// <summary>
    /// JSON made safe to sit between <c>&lt;script type="application/json"&gt;</c> and
    /// <c>&lt;/script&gt;</c>: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 become
    /// <c>\uXXXX</c> escapes (they can occur only inside JSON strings, so the JSON means the same), so
    /// no <c>&lt;/script&gt;</c> or <c>&lt;!--</c> can end or change the block.
    /// </summary>
    public static string ScriptData(string json)
    {
        if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") < 0) return json;
        var sb = new StringBuilder(json.Length + 64);
        foreach (var c in json)
        {
            switch (c)
            {
                case '<': sb.Append("\\u003C"); break;
                case '>': sb.Append("\\u003E"); break;
                case '&': sb.Append("\\u0026"); break;
                case '\u2028': sb.Append("\\u2028"); break;
                case '\u2029': sb.Append("\\u2029"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static string Encode(string value)
    {
        if (value.AsSpan().IndexOfAny("&<>\"'") < 0) return value;
        var sb = new StringBuilder(value.Length + 32);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static bool IsPlain(string value, int i) => !char.IsSurrogate(value[i]) && !VisibleText.IsHidden(value[i]);

}
