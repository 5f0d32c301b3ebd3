namespace Timeline.Core.Store;

/// <summary>Blocks found through a <c>blockinfo</c> index, and LiteDB's plan for the lookup (shown by <c>--explain</c>).</summary>
public sealed record IndexLookup(HashSet<long> Ids, string Plan);
