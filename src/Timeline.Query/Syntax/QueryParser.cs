using Timeline.Core.Limits;

namespace Timeline.Query.Syntax;

/// <summary>
/// Recursive-descent parser for the query language. Precedence, loosest first: <c>OR</c>
/// (<c>||</c>); <c>AND</c> (<c>&amp;&amp;</c>, or nothing: adjacent terms must all match, as in
/// Timesketch); <c>NOT</c> (<c>!</c>, <c>-</c>); then terms and parentheses.
/// <code>
/// query   := or? END
/// or      := and (OR and)*
/// and     := unary ((AND)? unary)*
/// unary   := (NOT | '-') unary | '+' unary | primary
/// primary := '(' or ')' | FIELD fvalue | value
/// fvalue  := '(' or ')' | range | COMPARE bound | value         (the group's terms take the field)
/// range   := ('[' | '{') bound TO bound (']' | '}')
/// value   := WORD | PHRASE | REGEX
/// </code>
/// Queries come from anyone who can reach the query bar: the parser recurses per parenthesis and
/// per NOT/!/-/+, so nesting is bounded by <see cref="Bounds.QueryDepth"/>, and the number of terms by
/// <see cref="Bounds.QueryTerms"/> (the tree, the plan and the evaluation grow with it). Going over
/// either is a syntax error at the column where the bound was crossed.
/// </summary>
public sealed class QueryParser
{
    private readonly string _q;
    private readonly IReadOnlyList<Token> _tokens;
    private int _p;
    private int _depth;
    private int _terms;

    private QueryParser(string query, IReadOnlyList<Token> tokens)
    {
        _q = query;
        _tokens = tokens;
    }

    public static QueryNode Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return new MatchAllNode(0);
        var parser = new QueryParser(query, QueryLexer.Tokenize(query));
        var node = parser.Or(null);
        var rest = parser.Peek;
        if (rest.Kind == TokenKind.RightParen) throw parser.Error("unbalanced ')': there is no '(' to close", rest);
        if (rest.Kind != TokenKind.End) throw parser.Error($"unexpected '{rest.Text}'", rest);
        return node;
    }

    private Token Peek => _tokens[_p];

    private Token Advance() => _tokens[_p++];

    private QuerySyntaxException Error(string problem, Token at) => new(problem, _q, at.Position, Math.Max(1, at.Length));

    private static bool StartsTerm(TokenKind kind) => kind is TokenKind.LeftParen or TokenKind.Not or TokenKind.Minus or TokenKind.Plus
        or TokenKind.Field or TokenKind.Word or TokenKind.Phrase or TokenKind.Regex or TokenKind.RangeOpen;

    private QueryNode Or(string? field)
    {
        var left = And(field);
        while (Peek.Kind == TokenKind.Or)
        {
            var op = Advance();
            if (!StartsTerm(Peek.Kind)) throw Error($"expected a term after '{op.Text}'", Peek.Kind == TokenKind.End ? op : Peek);
            left = new OrNode(left, And(field));
        }
        return left;
    }

    private QueryNode And(string? field)
    {
        var left = Unary(field);
        while (true)
        {
            if (Peek.Kind == TokenKind.And)
            {
                var op = Advance();
                if (!StartsTerm(Peek.Kind)) throw Error($"expected a term after '{op.Text}'", Peek.Kind == TokenKind.End ? op : Peek);
                left = new AndNode(left, Unary(field));
            }
            else if (StartsTerm(Peek.Kind)) left = new AndNode(left, Unary(field));
            else return left;
        }
    }

    private QueryNode Unary(string? field)
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Not or TokenKind.Minus:
            {
                Advance();
                if (!StartsTerm(Peek.Kind)) throw Error($"expected a term after '{t.Text}'", Peek.Kind == TokenKind.End ? t : Peek);
                Enter(t);
                var not = new NotNode(Unary(field), t.Position);
                _depth--;
                return not;
            }
            case TokenKind.Plus:
            {
                Advance();
                Enter(t);
                var inner = Unary(field);
                _depth--;
                return inner;
            }
            default:
                return Primary(field);
        }
    }

    private void Enter(Token at)
    {
        if (++_depth > Bounds.QueryDepth)
            throw Error($"the query nests parentheses and NOT/!/- deeper than {Bounds.QueryDepth} levels", at);
    }

    private void CountTerm(Token at)
    {
        if (++_terms > Bounds.QueryTerms)
            throw Error($"the query has more than {Bounds.QueryTerms:N0} terms", at);
    }

    private QueryNode Primary(string? field)
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.LeftParen:
                return Group(field);
            case TokenKind.Field:
                Advance();
                return FieldValue(t);
            case TokenKind.Word or TokenKind.Phrase or TokenKind.Regex:
                Advance();
                CountTerm(t);
                return Value(field, field is null ? t.Position : -1, t);
            case TokenKind.RangeOpen when field is not null:
                CountTerm(t);
                return Range(field, t.Position);
            case TokenKind.RangeOpen:
                throw Error("a range needs a field, e.g. time:[2024-03-02T03:00 TO 2024-03-02T04:00]", t);
            case TokenKind.End:
                throw Error("expected a term", t);
            case TokenKind.RightParen:
                throw Error("unexpected ')': expected a term", t);
            default:
                throw Error($"expected a term before '{t.Text}'", t);
        }
    }

    private QueryNode Group(string? field)
    {
        var open = Advance();
        if (Peek.Kind == TokenKind.RightParen) throw Error("empty parentheses '()'", open);
        Enter(open);
        var inner = Or(field);
        if (Peek.Kind != TokenKind.RightParen) throw Error($"missing ')' to close the '(' at column {open.Position + 1}", Peek.Kind == TokenKind.End ? open : Peek);
        Advance();
        _depth--;
        return inner;
    }

    private QueryNode FieldValue(Token field)
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.LeftParen:
                return Relocate(Group(field.Text), field);
            case TokenKind.RangeOpen:
                CountTerm(field);
                return Range(field.Text, field.Position);
            case TokenKind.Compare:
            {
                Advance();
                CountTerm(field);
                var bound = Bound($"expected a value after '{field.Text}:{t.Text}'");
                if (bound is null) throw Error($"'{field.Text}:{t.Text}*' compares with nothing", t);
                return t.Text switch
                {
                    ">" => new RangeNode(field.Text, bound, false, null, false, field.Position, field.Position),
                    ">=" => new RangeNode(field.Text, bound, true, null, false, field.Position, field.Position),
                    "<" => new RangeNode(field.Text, null, false, bound, false, field.Position, field.Position),
                    _ => new RangeNode(field.Text, null, false, bound, true, field.Position, field.Position),
                };
            }
            case TokenKind.Word or TokenKind.Phrase or TokenKind.Regex:
                Advance();
                CountTerm(field);
                return Value(field.Text, field.Position, t);
            default:
                throw Error($"expected a value after '{field.Text}:'", t);
        }
    }

    /// <summary>Terms of <c>field:(a OR b)</c> report the field's position for field errors.</summary>
    private static QueryNode Relocate(QueryNode node, Token field) => node switch
    {
        TermNode t when t.Field == field.Text && t.FieldPosition < 0 => t with { FieldPosition = field.Position },
        AndNode a => new AndNode(Relocate(a.Left, field), Relocate(a.Right, field)),
        OrNode o => new OrNode(Relocate(o.Left, field), Relocate(o.Right, field)),
        NotNode n => n with { Inner = Relocate(n.Inner, field) },
        _ => node,
    };

    private static QueryNode Value(string? field, int fieldPosition, Token t)
    {
        var value = t.Kind switch
        {
            TokenKind.Phrase => new TermValue(TermKind.Phrase, t.Text),
            TokenKind.Regex => new TermValue(TermKind.Regex, t.Text),
            _ when t.Glob == ".*" => new TermValue(TermKind.Exists, "*"),
            _ when t.Glob is not null => new TermValue(TermKind.Wildcard, t.Text, t.Glob),
            _ => new TermValue(TermKind.Word, t.Text),
        };
        if (value.Kind == TermKind.Exists && field is null) return new MatchAllNode(t.Position);
        return new TermNode(field, value, t.Position, fieldPosition);
    }

    private RangeNode Range(string field, int fieldPosition)
    {
        var open = Advance();
        var lower = Bound("expected the lower bound of the range");
        if (Peek.Kind != TokenKind.To) throw Error("expected 'TO' between the bounds of the range", Peek);
        Advance();
        var upper = Bound("expected the upper bound of the range");
        if (Peek.Kind != TokenKind.RangeClose) throw Error("expected ']' or '}' to close the range", Peek);
        var close = Advance();
        return new RangeNode(field, lower, open.Text == "[", upper, close.Text == "]", open.Position, fieldPosition);
    }

    /// <summary>A range bound or comparison value; null for <c>*</c> (open).</summary>
    private string? Bound(string problem)
    {
        var t = Peek;
        if (t.Kind is not (TokenKind.Word or TokenKind.Phrase)) throw Error(problem, t);
        Advance();
        if (t.Kind == TokenKind.Word && t.Glob == ".*") return null;
        if (t.Kind == TokenKind.Word && t.Glob is not null) throw Error("wildcards are not allowed in a range or comparison", t);
        return t.Text;
    }
}
