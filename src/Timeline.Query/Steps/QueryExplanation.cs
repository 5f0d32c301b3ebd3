using Timeline.Core.Store;

namespace Timeline.Query.Steps;

/// <summary>
/// How a listing ran (<c>--explain</c>): the query as written and as parsed, the time window that
/// bounds the merge, the index steps, blocks chosen of the total, the filter every decoded event
/// passes, what the run decoded and read, how many events it listed, and the time spent planning
/// and listing.
/// </summary>
public sealed record QueryExplanation(
    string Text,
    string Syntax,
    TimeWindow Window,
    IReadOnlyList<string> IndexSteps,
    int BlocksChosen,
    int TotalBlocks,
    bool UsesIndex,
    string Filter,
    int BlocksDecoded,
    long EventsRead,
    int Listed,
    TimeSpan Planning,
    TimeSpan Listing) : QueryResult;
