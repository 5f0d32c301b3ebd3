using System.Text;

namespace Timeline.Parsers.Web;

/// <summary>
/// Percent-decoding of a logged URI, once, for matching (<c>%24%7Bjndi</c> → <c>${jndi</c>): a scanner
/// that double-encodes is seen as encoded once, as the application would see it. Escapes that are not
/// two hex digits stay as written; decoded control bytes (NUL, line ends, ESC…) stay as their escape so
/// the value renders and matches like the log line; bytes that are not UTF-8 become U+FFFD. The result is
/// never longer than the input, so it is bounded by the line.
/// </summary>
public static class PercentDecoding
{
    /// <summary>The decoded text, or null when nothing changed (no escape, no <c>+</c> in a query).</summary>
    public static string? Decode(string value, bool plusIsSpace)
    {
        var hasPercent = value.Contains('%');
        if (!hasPercent && !(plusIsSpace && value.Contains('+'))) return null;
        var bytes = new List<byte>(value.Length);
        var changed = false;
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && Hex(value[i + 1]) is var hi and >= 0 && Hex(value[i + 2]) is var lo and >= 0)
            {
                var b = (byte)(hi * 16 + lo);
                if (b < 0x20 || b == 0x7F)
                {
                    bytes.Add((byte)'%');
                    bytes.Add((byte)value[i + 1]);
                    bytes.Add((byte)value[i + 2]);
                }
                else
                {
                    bytes.Add(b);
                    changed = true;
                }
                i += 2;
                continue;
            }
            if (c == '+' && plusIsSpace)
            {
                bytes.Add((byte)' ');
                changed = true;
                continue;
            }
            if (c < 0x80) bytes.Add((byte)c);
            else
            {
                var n = new Rune(char.IsSurrogate(c) && i + 1 < value.Length && char.IsSurrogatePair(c, value[i + 1]) ? char.ConvertToUtf32(c, value[++i]) : (char.IsSurrogate(c) ? 0xFFFD : c)).EncodeToUtf8(utf8);
                for (var k = 0; k < n; k++) bytes.Add(utf8[k]);
            }
        }
        return changed ? Encoding.UTF8.GetString(bytes.ToArray()) : null;
    }

    private static int Hex(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
