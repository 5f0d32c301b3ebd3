using Timeline.Core.Events;
using Timeline.Core.Store;
using Timeline.Query.Execution;
using Timeline.Query.Output;
using Timeline.Query.Planning;

namespace Timeline.Query.Steps;

/// <summary>
/// The matching events, in the order asked for, paged and limited. <see cref="Events"/> is lazy:
/// it decodes blocks while it is enumerated (the case must stay open), fetches each batch's rule
/// matches into <see cref="Findings"/> first, and can be enumerated once; <see cref="Scan"/> says
/// what it cost afterwards.
/// </summary>
public sealed record QueryEvents(
    string Text,
    string Syntax,
    IEnumerable<EventRecord> Events,
    EventFindings Findings,
    ColumnSet? Columns,
    EventRecord? Anchor,
    QueryPlan Plan,
    IScanStats Scan) : QueryResult;
