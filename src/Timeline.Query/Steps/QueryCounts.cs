using Timeline.Query.Execution;

namespace Timeline.Query.Steps;

/// <summary>
/// Stacking (<c>--count-by FIELD</c>): the values shown (<see cref="Rows"/>, ordered and cut to
/// <see cref="QueryRequest.Top"/>) of <see cref="Values"/> distinct ones; whether the answer came
/// from the aggregate maintained at ingest (no event read) or from a scan of
/// <see cref="TotalBlocks"/> blocks costing <see cref="Scan"/>; and the time it took.
/// </summary>
public sealed record QueryCounts(
    string Field,
    IReadOnlyList<ValueCount> Rows,
    int Values,
    bool FromAggregate,
    IScanStats? Scan,
    int TotalBlocks,
    TimeSpan Elapsed) : QueryResult;
