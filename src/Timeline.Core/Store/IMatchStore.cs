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

    /// <summary>Every match, streamed in no particular order.</summary>
    IEnumerable<RuleMatch> Read();

    /// <summary>The matches of the given events (a batch: callers pass at most a few thousand ids).</summary>
    IEnumerable<RuleMatch> OfEvents(IReadOnlyCollection<string> eventIds);
}
