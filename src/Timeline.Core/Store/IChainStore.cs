using Timeline.Core.Findings;

namespace Timeline.Core.Store;

/// <summary>
/// Attack chains of the case, one per host (bounded: a chain keeps capped lists), so loading them
/// whole is fine. Building chains replaces them all.
/// </summary>
public interface IChainStore
{
    void Replace(IEnumerable<AttackChain> chains);

    /// <summary>The stored chains by host; empty when none were built.</summary>
    IReadOnlyList<AttackChain> Load();
}
