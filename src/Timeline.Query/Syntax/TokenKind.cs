namespace Timeline.Query.Syntax;

public enum TokenKind
{
    End,
    LeftParen,
    RightParen,
    And,
    Or,
    Not,
    /// <summary><c>-</c> before a term: must not match.</summary>
    Minus,
    /// <summary><c>+</c> before a term: must match (the default; accepted for Lucene habits).</summary>
    Plus,
    /// <summary><c>name:</c>; the token text is the name.</summary>
    Field,
    /// <summary><c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c> right after a field.</summary>
    Compare,
    Word,
    Phrase,
    Regex,
    /// <summary><c>[</c> (inclusive) or <c>{</c> (exclusive).</summary>
    RangeOpen,
    /// <summary><c>]</c> (inclusive) or <c>}</c> (exclusive).</summary>
    RangeClose,
    To,
}
