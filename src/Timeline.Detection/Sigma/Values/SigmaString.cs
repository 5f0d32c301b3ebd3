using System.Text;

namespace Timeline.Detection.Sigma.Values;

/// <summary>
/// A Sigma string value after escape processing: its characters plus, for each character, whether it
/// is a wildcard (<c>*</c> any run, <c>?</c> one character) or a literal. Escapes follow the spec:
/// <c>\*</c>, <c>\?</c> and <c>\\</c> are literals; a backslash before anything else is a plain backslash.
/// </summary>
public sealed class SigmaString
{
    private readonly bool[] _wild;

    private SigmaString(string text, bool[] wild)
    {
        Text = text;
        _wild = wild;
    }

    /// <summary>The characters; wildcard positions hold <c>*</c> or <c>?</c>.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    public bool HasWildcards => Array.IndexOf(_wild, true) >= 0;

    public bool IsWildcard(int index) => _wild[index];

    /// <summary>Reads a raw rule value, resolving escapes and wildcards.</summary>
    public static SigmaString FromRule(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var wild = new List<bool>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '*' or '?' or '\\')
            {
                text.Append(raw[i + 1]);
                wild.Add(false);
                i++;
                continue;
            }
            text.Append(c);
            wild.Add(c is '*' or '?');
        }
        return new SigmaString(text.ToString(), [.. wild]);
    }

    /// <summary>A value with no wildcards at all (e.g. the output of an encoding).</summary>
    public static SigmaString Literal(string text) => new(text, new bool[text.Length]);

    public SigmaString WithLeadingStar() =>
        Length > 0 && _wild[0] && Text[0] == '*' ? this : new SigmaString("*" + Text, [true, .. _wild]);

    public SigmaString WithTrailingStar() =>
        Length > 0 && _wild[^1] && Text[^1] == '*' ? this : new SigmaString(Text + "*", [.. _wild, true]);

    /// <summary>Replaces the literal character at <paramref name="index"/>.</summary>
    public SigmaString WithCharAt(int index, char c)
    {
        var chars = Text.ToCharArray();
        chars[index] = c;
        return new SigmaString(new string(chars), _wild);
    }

    /// <summary>The literal runs between wildcards, in order (empty runs omitted).</summary>
    public IEnumerable<string> LiteralRuns()
    {
        var start = 0;
        for (var i = 0; i <= Length; i++)
        {
            if (i < Length && !_wild[i]) continue;
            if (i > start) yield return Text[start..i];
            start = i + 1;
        }
    }

    /// <summary>Renders back to rule syntax (wildcards bare, literal specials escaped).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
        {
            if (!_wild[i] && Text[i] is '*' or '?') sb.Append('\\');
            sb.Append(Text[i]);
        }
        return sb.ToString();
    }
}
