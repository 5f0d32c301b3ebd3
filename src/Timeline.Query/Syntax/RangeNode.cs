namespace Timeline.Query.Syntax;

/// <summary>
/// <c>field:[lo TO hi]</c> (inclusive), <c>{lo TO hi}</c> (exclusive), mixed brackets, <c>*</c> for an
/// open end; and the comparisons <c>field:&gt;v</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, which are
/// ranges with one open end.
/// </summary>
public sealed record RangeNode(string Field, string? Lower, bool LowerInclusive, string? Upper, bool UpperInclusive, int Position, int FieldPosition)
    : QueryNode(Position)
{
    public override string ToString() =>
        $"{Field}:{(LowerInclusive ? "[" : "{")}{Lower ?? "*"} TO {Upper ?? "*"}{(UpperInclusive ? "]" : "}")}";
}
