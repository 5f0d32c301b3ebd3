namespace Timeline.Query.Syntax;

/// <summary>
/// The syntax tree of a query. <see cref="ToString"/> prints a canonical, fully parenthesised form
/// (what <c>--explain</c> shows and what the grammar tests compare).
/// </summary>
public abstract record QueryNode(int Position);

/// <summary>The empty query, or a lone <c>*</c>: every event.</summary>
public sealed record MatchAllNode(int Position) : QueryNode(Position)
{
    public override string ToString() => "*";
}

public sealed record AndNode(QueryNode Left, QueryNode Right) : QueryNode(Left.Position)
{
    public override string ToString() => $"({Left} AND {Right})";
}

public sealed record OrNode(QueryNode Left, QueryNode Right) : QueryNode(Left.Position)
{
    public override string ToString() => $"({Left} OR {Right})";
}

public sealed record NotNode(QueryNode Inner, int At) : QueryNode(At)
{
    public override string ToString() => $"NOT {Inner}";
}
