namespace Timeline.Query.Syntax;

/// <summary><c>field:value</c>, or free text when <see cref="Field"/> is null (searched in the message).</summary>
public sealed record TermNode(string? Field, TermValue Value, int Position, int FieldPosition) : QueryNode(Position)
{
    public override string ToString() => Field is null ? Value.ToString() : $"{Field}:{Value}";
}
