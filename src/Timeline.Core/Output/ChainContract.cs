using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Core.Output;

/// <summary>
/// The chain contract of a case (<see cref="ChainJson"/>, <c>{"chains":[…]}</c>) with the rule
/// matches of each step's event for its ATT&amp;CK ids — the one document that
/// <c>timeline chain --format json</c> prints and <c>serve</c> answers at <c>/api/chains</c>. Only
/// the steps' matches are fetched (a bounded lookup), never all matches of the case.
/// </summary>
public static class ChainContract
{
    public static string Of(ICaseStore store, IReadOnlyList<AttackChain> chains, bool indented = false) =>
        ChainJson.ToText(chains, StepMatches(store, chains), indented);

    /// <summary>The matches of the chains' step events.</summary>
    public static IRuleMatchLookup StepMatches(ICaseStore store, IReadOnlyList<AttackChain> chains) =>
        chains.Count == 0 ? RuleMatchesByEvent.None : MatchLookup.ForEvents(store.Matches, chains.SelectMany(c => c.Steps).Select(s => s.EventId));
}
