using System.Globalization;
using System.Text;

namespace Timeline.Core.Output;

/// <summary>
/// Attacker-chosen text made visible instead of obeyed: C0/C1 control characters (ANSI escape
/// sequences, carriage returns, backspaces), DEL, bidirectional marks and overrides (which can make a
/// command read backwards), and invisible characters that hide or split words (soft hyphen, zero-width
/// space/joiners, word joiner, line and paragraph separators, the byte-order mark) are written as
/// <c>\u{XXXX}</c>. The one definition for terminals, Markdown and the HTML report.
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
            if (IsHidden(c)) AppendEscaped(sb, c);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Writes a hidden character as <c>\u{XXXX}</c>.</summary>
    public static void AppendEscaped(StringBuilder sb, char c) =>
        sb.Append("\\u{").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('}');

    public static bool IsHidden(char c) =>
        c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
        || c == '\u00AD' || c == '\u061C' || c == '\u180E'
        || (c >= '\u200B' && c <= '\u200F')
        || (c >= '\u2028' && c <= '\u202E')
        || (c >= '\u2060' && c <= '\u2069')
        || c == '\uFEFF';
}
