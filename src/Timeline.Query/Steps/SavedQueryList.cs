using Timeline.Core.Store;

namespace Timeline.Query.Steps;

/// <summary>The queries saved in the case (<c>--saved</c>, <c>/api/saved</c>).</summary>
public sealed record SavedQueryList(IReadOnlyList<SavedQuery> Queries) : QueryResult;
