using Timeline.Core.Store;

namespace Timeline.Query.Steps;

/// <summary>
/// One search of a case, as <c>timeline query</c> and <c>serve</c> ask it (<see cref="QueryStep"/>):
/// the query text and time window, which workflow (list, <see cref="CountBy"/> stacking,
/// <see cref="FirstOf"/>/<see cref="LastOf"/> per value, <see cref="Around"/> an event), paging and
/// order, the columns, and the saved-query actions. Options that exclude each other are checked by
/// the caller's option parsing; here the first of count-by, first, last wins.
/// </summary>
public sealed record QueryRequest
{
    /// <summary>The query language text (empty: every event).</summary>
    public string Text { get; init; } = "";

    /// <summary>An extra time window ANDed with the query (<c>--from</c>/<c>--to</c>, a zoom in the web view).</summary>
    public TimeWindow Window { get; init; } = TimeWindow.All;

    /// <summary>Events skipped before the first one returned (web view paging).</summary>
    public int Offset { get; init; }

    /// <summary>At most this many events are returned.</summary>
    public int Limit { get; init; } = int.MaxValue;

    /// <summary>Newest first (<c>--sort=-time</c>) instead of timeline order.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>Comma-separated columns (<c>--fields</c>), resolved against the case's fields; null: the default row.</summary>
    public string? Fields { get; init; }

    /// <summary>The id of an event to look around (<c>--around</c>); the query still filters.</summary>
    public string? Around { get; init; }

    /// <summary>The span before and after <see cref="Around"/>.</summary>
    public TimeSpan AroundSpan { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Stack: count matching events per value of this field.</summary>
    public string? CountBy { get; init; }

    /// <summary>With <see cref="CountBy"/>: at most this many values.</summary>
    public int Top { get; init; } = int.MaxValue;

    /// <summary>With <see cref="CountBy"/>: least frequent first.</summary>
    public bool Rare { get; init; }

    /// <summary>The first matching event for every value of this field.</summary>
    public string? FirstOf { get; init; }

    /// <summary>The last matching event for every value of this field.</summary>
    public string? LastOf { get; init; }

    /// <summary>Save the query text under this name before running it (the case must be open for writing).</summary>
    public string? SaveAs { get; init; }

    /// <summary>Run the query saved under this name, ANDed with <see cref="Text"/> when that is not empty.</summary>
    public string? RunSaved { get; init; }

    /// <summary>List the saved queries instead of searching.</summary>
    public bool ListSaved { get; init; }

    /// <summary>Describe how the query ran (plan, blocks decoded, times) instead of returning its events.</summary>
    public bool Explain { get; init; }

    public CancellationToken Cancellation { get; init; }
}
