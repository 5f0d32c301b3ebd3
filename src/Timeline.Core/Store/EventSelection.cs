namespace Timeline.Core.Store;

/// <summary>
/// Which events <see cref="ICaseStore.Events"/> returns: a timeline window, and optionally only some
/// hosts, parsers, evidence files (SHA-256) or the blocks a query planner chose. Empty restrictions
/// (null) mean "all". A backend applies what it can through its indexes and filters the rest, so
/// the result is the same whichever it did.
/// </summary>
public sealed record EventSelection
{
    public static readonly EventSelection All = new();

    public TimeWindow Window { get; init; } = TimeWindow.All;
    public IReadOnlySet<string>? Hosts { get; init; }
    public IReadOnlySet<string>? Parsers { get; init; }
    public IReadOnlySet<string>? Files { get; init; }
    /// <summary>Candidate blocks (from <see cref="IEventBlocks"/>); null for every block.</summary>
    public IReadOnlyList<BlockSummary>? Blocks { get; init; }
    public bool Descending { get; init; }

    public static EventSelection In(TimeWindow? window) => window is null || window.IsAll ? All : new EventSelection { Window = window };

    /// <summary>Whether an event passes the host, parser and file restrictions (the window is the merge's job).</summary>
    public bool Admits(Events.EventRecord e) =>
        (Hosts is null || Hosts.Contains(e.Host))
        && (Parsers is null || Parsers.Contains(e.Parser))
        && (Files is null || Files.Contains(e.Origin.Sha256));
}
