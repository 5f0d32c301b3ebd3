using Timeline.Core.Findings;

namespace Timeline.Core.Store;

/// <summary>
/// The phase of every event that is a step of a chain (the <c>phase</c> of the event JSON and the
/// query field). Chains are bounded (one per host, capped step lists), so this map is small.
/// </summary>
public static class ChainPhases
{
    public static Dictionary<string, AttackPhase> Of(IEnumerable<AttackChain> chains)
    {
        var result = new Dictionary<string, AttackPhase>(StringComparer.Ordinal);
        foreach (var chain in chains)
            foreach (var step in chain.Steps)
                result.TryAdd(step.EventId, step.Phase);
        return result;
    }
}
