using System.Text;

namespace Timeline.Detection.Sigma.Values;

/// <summary>
/// One value of a detection item while modifiers rewrite it: a <see cref="SigmaString"/>, raw bytes
/// (after <c>utf16*</c>, before <c>base64</c>), or <c>null</c>.
/// </summary>
public sealed class SigmaValue
{
    private SigmaValue(SigmaString? text, byte[]? bytes, int line, string? raw)
    {
        String = text;
        Bytes = bytes;
        Line = line;
        Raw = raw;
    }

    /// <summary>The value exactly as written in the rule (before escapes and modifiers); null for null or derived values.</summary>
    public string? Raw { get; }

    public SigmaString? String { get; }
    public byte[]? Bytes { get; }
    /// <summary>1-based line of the value in the rule file.</summary>
    public int Line { get; }
    public bool IsNull => String is null && Bytes is null;

    public static SigmaValue Null(int line) => new(null, null, line, null);
    public static SigmaValue FromRule(string raw, int line) => new(SigmaString.FromRule(raw), null, line, raw);

    public SigmaValue With(SigmaString text) => new(text, null, Line, null);
    public SigmaValue WithBytes(byte[] bytes) => new(null, bytes, Line, null);

    /// <summary>The text for modifiers that take the value verbatim (regex, cidr, numbers, field names).</summary>
    public string RawOrText => Raw ?? PlainText ?? "";

    /// <summary>The value as plain text for encoders: bytes as-is, strings as UTF-8; wildcards are refused.</summary>
    public byte[] ToBytesForEncoding(string modifier)
    {
        if (Bytes is not null) return Bytes;
        if (String is null) throw new RuleLoadException(Line, $"modifier '{modifier}' cannot encode null", "modifier:" + modifier);
        if (String.HasWildcards) throw new RuleLoadException(Line, $"modifier '{modifier}' cannot encode a value with wildcards", "wildcard-in-encoded-value");
        return Encoding.UTF8.GetBytes(String.Text);
    }

    /// <summary>The plain text of a value (bytes read as Latin-1), or null.</summary>
    public string? PlainText => String?.Text ?? (Bytes is null ? null : Encoding.Latin1.GetString(Bytes));

    /// <summary>The value as a <see cref="SigmaString"/> (bytes become a literal Latin-1 string).</summary>
    public SigmaString? AsSigmaString() => String ?? (Bytes is null ? null : SigmaString.Literal(Encoding.Latin1.GetString(Bytes)));
}
