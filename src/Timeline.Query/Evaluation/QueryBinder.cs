using Timeline.Query.Fields;
using Timeline.Query.Syntax;

namespace Timeline.Query.Evaluation;

/// <summary>Resolves the fields of a parsed query and compiles its values; errors carry the position of the culprit.</summary>
public sealed class QueryBinder(FieldCatalog catalog, string query)
{
    private static readonly QueryField Message = new("message", FieldKind.Message);

    public BoundNode Bind(QueryNode node) => node switch
    {
        MatchAllNode => new BoundAll(),
        AndNode a => new BoundAnd(Bind(a.Left), Bind(a.Right)),
        OrNode o => new BoundOr(Bind(o.Left), Bind(o.Right)),
        NotNode n => new BoundNot(Bind(n.Inner)),
        TermNode t => Term(t),
        RangeNode r => Range(r),
        _ => throw new InvalidOperationException("unknown syntax node " + node.GetType().Name),
    };

    private BoundNode Term(TermNode t)
    {
        var field = t.Field is null ? Message : catalog.Resolve(t.Field, query, t.FieldPosition);
        if (field.Kind != FieldKind.Time) return new BoundTerm(field, ValueTests.For(t.Value, query, t.Position), t);
        switch (t.Value.Kind)
        {
            case TermKind.Exists:
                return new BoundTime(null, null, t);
            case TermKind.Word or TermKind.Phrase:
                var v = Time(t.Value.Text, t.Position);
                return new BoundTime(v.Start, v.End, t);
            default:
                throw new QuerySyntaxException("time takes a time (2024-03-02T03:15), a range (time:[A TO B]) or a comparison (time:>=A), not a pattern", query, t.Position, t.Value.Text.Length);
        }
    }

    private BoundNode Range(RangeNode r)
    {
        var field = catalog.Resolve(r.Field, query, r.FieldPosition);
        if (field.Kind != FieldKind.Time) return new BoundTerm(field, ValueTests.ForRange(r), r);
        long? from = r.Lower is { } lo ? (r.LowerInclusive ? Time(lo, r.Position).Start : Time(lo, r.Position).End) : null;
        long? to = r.Upper is { } hi ? (r.UpperInclusive ? Time(hi, r.Position).End : Time(hi, r.Position).Start) : null;
        if (from is { } f && to is { } t && f >= t)
            throw new QuerySyntaxException("the time range is empty: its start is not before its end", query, r.Position, 1);
        return new BoundTime(from, to, r);
    }

    private TimeValue Time(string text, int position) =>
        TimeValue.TryParse(text, out var v) ? v
            : throw new QuerySyntaxException($"'{text}' is not a time; write ISO 8601 such as 2024-03-02, 2024-03-02T03:15 or 2024-03-02T03:15:02Z", query, position, text.Length);
}
