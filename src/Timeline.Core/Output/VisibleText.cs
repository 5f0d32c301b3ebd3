using System.Globalization;
using System.Text;

namespace Timeline.Core.Output;

/// <summary>
/// Attacker-chosen text made visible instead of obeyed: C0/C1 control characters (ANSI escape
/// sequences, carriage returns, backspaces), DEL, bidirectional overrides (which can make a
/// command read backwards) and the line/paragraph separators U+2028/U+2029 (a line break to a
/// terminal or a Markdown viewer, invisible in the text) are written as <c>\u{XXXX}</c>. Used for terminals and Markdown; the HTML
/// report hides a wider set (zero-width characters, separators) in its own encoder.
/// </summary>
public static class VisibleText
{
    public static string Show(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var i = 0;
        while (i < text.Length && !IsHidden(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (IsHidden(c)) sb.Append("\\u{").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('}');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static bool IsHidden(char c) =>
        c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
        || c == '\u061C' || c == '\u200E' || c == '\u200F' || c == '\u2028' || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
