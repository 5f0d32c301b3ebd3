namespace Timeline.Query.Syntax;

/// <summary>
/// One token. <see cref="Text"/> is the unescaped text (a word, a phrase's content, a regex
/// pattern, a field name, an operator). For words, <see cref="Glob"/> is set when the word holds an
/// unescaped <c>*</c> or <c>?</c>: a regex with the wildcards expanded and everything else literal.
/// <see cref="Position"/> is the 0-based offset in the query text.
/// </summary>
public sealed record Token(TokenKind Kind, string Text, int Position, int Length, string? Glob = null)
{
    public override string ToString() => $"{Kind} '{Text}' @{Position}";
}
