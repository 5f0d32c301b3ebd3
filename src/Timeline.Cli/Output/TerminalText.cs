using System.Globalization;
using System.Text;

namespace Timeline.Cli.Output;

/// <summary>
/// Makes attacker-controlled text safe for a terminal: control characters (ANSI escape sequences,
/// carriage returns, backspaces), C1 controls and bidirectional overrides (which can make a
/// command read backwards) are shown as <c>\u{XXXX}</c> instead of being interpreted.
/// </summary>
public static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var i = 0;
        while (i < text.Length && !IsUnsafe(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c)) sb.Append("\\u{").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('}');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Safe and cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Cut(string? text, int max)
    {
        var safe = Safe(text);
        return safe.Length <= max ? safe : string.Concat(safe.AsSpan(0, Math.Max(0, max - 1)), "…");
    }

    private static bool IsUnsafe(char c) =>
        c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
        || c == '\u061C' || c == '\u200E' || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
