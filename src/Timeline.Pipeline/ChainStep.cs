using Timeline.Core.Findings;
using Timeline.Core.Store;
using Timeline.Detection.Chain;

namespace Timeline.Pipeline;

/// <summary>
/// Step 3: the attack chain per host, from the events in time order joined to their rule matches
/// (fetched batch by batch, <see cref="MatchLookup"/>); the chains replace the stored ones.
/// </summary>
public static class ChainStep
{
    /// <summary>Builds the chains of a writable case and stores them.</summary>
    public static IReadOnlyList<AttackChain> BuildAndStore(ICaseStore store, ChainOptions? options = null)
    {
        var chains = Build(store, options);
        store.Chains.Replace(chains);
        return chains;
    }

    /// <summary>Builds the chains of a case without storing them (a read-only case).</summary>
    public static IReadOnlyList<AttackChain> Build(ICaseStore store, ChainOptions? options = null)
    {
        var matches = new MatchLookup(store.Matches);
        return ChainBuilder.Build(matches.Join(store.Events()), matches, options);
    }

    /// <summary>
    /// The stored chains; when there are none (or <paramref name="rebuild"/>), built and stored if
    /// the case is writable, else built and only returned.
    /// </summary>
    public static IReadOnlyList<AttackChain> LoadOrBuild(ICaseStore store, bool rebuild, ChainOptions? options = null)
    {
        if (!rebuild && store.Chains.Load() is { Count: > 0 } stored) return stored;
        return store.Writable ? BuildAndStore(store, options) : rebuild ? Build(store, options) : [];
    }
}
