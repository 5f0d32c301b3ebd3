using Timeline.Core.Store;
using Timeline.Query.Evaluation;

namespace Timeline.Query.Planning;

/// <summary>
/// How a query will run: the time window the merge is bounded by, the blocks chosen from the
/// indexes (of how many), the per-event filter every decoded event still passes through, and the
/// steps that led there (for <c>--explain</c>).
/// </summary>
public sealed record QueryPlan(
    TimeWindow Window,
    IReadOnlyList<BlockSummary> Blocks,
    int TotalBlocks,
    bool UsesIndex,
    BoundNode Filter,
    IReadOnlyList<string> Steps);
