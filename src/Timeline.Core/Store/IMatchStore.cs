using Timeline.Core.Findings;

namespace Timeline.Core.Store;

/// <summary>
/// Rule matches of the last hunt. A hunt replaces them all (streamed in, written in batches, with the
/// <c>rule</c> and <c>level</c> aggregates); readers stream them, or look up a bounded batch of event
/// ids — there is no "load every match" call, because a noisy rule over millions of events makes
/// millions of matches (<see cref="MatchLookup"/> joins them to an event stream).
/// </summary>
public interface IMatchStore
{
    void Replace(IEnumerable<RuleMatch> matches);

    long Count();

    /// <summary>Every match, streamed in the order the hunt stored them.</summary>
    IEnumerable<RuleMatch> Read();

    /// <summary>
    /// The matches of the given events (a batch: callers pass at most a few thousand ids), the
    /// matches of one event in the order they were stored, as <see cref="Read"/> gives them — the
    /// chain builder reads the first match of an event, so every backend must keep that order.
    /// </summary>
    IEnumerable<RuleMatch> OfEvents(IReadOnlyCollection<string> eventIds);
}
