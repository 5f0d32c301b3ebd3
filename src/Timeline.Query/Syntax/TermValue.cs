namespace Timeline.Query.Syntax;

/// <summary>How a term's value was written.</summary>
public enum TermKind
{
    /// <summary>A plain word.</summary>
    Word,
    /// <summary>A "quoted phrase".</summary>
    Phrase,
    /// <summary>A word with unescaped <c>*</c> or <c>?</c>.</summary>
    Wildcard,
    /// <summary>A /regular expression/.</summary>
    Regex,
    /// <summary><c>field:*</c>: the field is present.</summary>
    Exists,
}

/// <summary>A term's value: the text as written (unescaped), and for wildcards the equivalent regex.</summary>
public sealed record TermValue(TermKind Kind, string Text, string? Glob = null)
{
    public override string ToString() => Kind switch
    {
        TermKind.Phrase => "\"" + Text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        TermKind.Regex => "/" + Text.Replace("/", "\\/") + "/",
        TermKind.Exists => "*",
        _ => Text,
    };
}
