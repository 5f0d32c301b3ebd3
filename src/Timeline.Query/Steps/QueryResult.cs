using Timeline.Core.Store;

namespace Timeline.Query.Steps;

/// <summary>
/// What <see cref="QueryStep"/> answered: events (<see cref="QueryEvents"/>), stacked values
/// (<see cref="QueryCounts"/>), how the query ran (<see cref="QueryExplanation"/>) or the saved
/// queries (<see cref="SavedQueryList"/>). Callers render it; they compute nothing from the case.
/// </summary>
public abstract record QueryResult
{
    /// <summary>The query saved by this request (<see cref="QueryRequest.SaveAs"/>), else null.</summary>
    public SavedQuery? Saved { get; init; }
}
