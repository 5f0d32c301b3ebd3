using Timeline.Core.Store;
using Timeline.Core.Events;
using Timeline.Query.Syntax;

namespace Timeline.Query.Evaluation;

/// <summary>
/// A query with its fields resolved and its values compiled into tests: what the per-event filter
/// runs and what the planner reads to choose blocks.
/// </summary>
public abstract record BoundNode
{
    public abstract bool Matches(EventRecord e, EventFindings findings);
}

public sealed record BoundAll : BoundNode
{
    public override bool Matches(EventRecord e, EventFindings findings) => true;

    public override string ToString() => "*";
}

public sealed record BoundAnd(BoundNode Left, BoundNode Right) : BoundNode
{
    public override bool Matches(EventRecord e, EventFindings findings) => Left.Matches(e, findings) && Right.Matches(e, findings);

    public override string ToString() => $"({Left} AND {Right})";
}

public sealed record BoundOr(BoundNode Left, BoundNode Right) : BoundNode
{
    public override bool Matches(EventRecord e, EventFindings findings) => Left.Matches(e, findings) || Right.Matches(e, findings);

    public override string ToString() => $"({Left} OR {Right})";
}

public sealed record BoundNot(BoundNode Inner) : BoundNode
{
    public override bool Matches(EventRecord e, EventFindings findings) => !Inner.Matches(e, findings);

    public override string ToString() => $"NOT {Inner}";
}

/// <summary>A test on one field (free text is a test on <c>message</c>). <see cref="Source"/> is the syntax it came from.</summary>
public sealed record BoundTerm(Fields.QueryField Field, Func<string, bool> Test, QueryNode Source) : BoundNode
{
    public override bool Matches(EventRecord e, EventFindings findings) => FieldValues.Any(Field, e, findings, Test);

    public override string ToString() => Source is TermNode { Field: null } ? $"message:{((TermNode)Source).Value}" : Source.ToString() ?? "";
}

/// <summary>The event's timeline position is in [From, To) (an open end when null); events with no position never match.</summary>
public sealed record BoundTime(long? From, long? To, QueryNode Source) : BoundNode
{
    public override bool Matches(EventRecord e, EventFindings findings) =>
        e.SortTicks is { } t && (From is not { } f || t >= f) && (To is not { } to || t < to);

    public override string ToString() => $"time:[{Core.Output.TimeText.Format(From) ?? "*"} TO {Core.Output.TimeText.Format(To) ?? "*"})";
}
