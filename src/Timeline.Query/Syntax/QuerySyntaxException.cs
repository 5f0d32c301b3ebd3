namespace Timeline.Query.Syntax;

/// <summary>
/// A query that cannot be understood: the problem, and where it is (<see cref="Position"/>,
/// 0-based; the message says the 1-based column and shows the query with a caret).
/// </summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(string problem, string query, int position, int length = 1)
        : base(Render(problem, query, position, length))
    {
        Problem = problem;
        Query = query;
        Position = position;
        Length = Math.Max(1, length);
    }

    /// <summary>The problem alone, without the position and caret.</summary>
    public string Problem { get; }
    public string Query { get; }
    public int Position { get; }
    public int Length { get; }

    private static string Render(string problem, string query, int position, int length)
    {
        var shown = query.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        return $"{problem} (at column {position + 1})\n  {shown}\n  {new string(' ', Math.Clamp(position, 0, shown.Length))}{new string('^', Math.Max(1, length))}";
    }
}
