namespace Timeline.Core.Findings;

/// <summary>
/// The rule matches of one event, as the chain builder and the outputs ask for them: a lookup, so
/// the caller decides whether matches are resident, fetched per batch, or a small fixed set.
/// </summary>
public interface IRuleMatchLookup
{
    IReadOnlyList<RuleMatch> Of(string eventId);
}
