using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Query.Planning;

/// <summary>
/// Finds the block that holds an event id (<c>&lt;12 hex of file SHA-256&gt;-&lt;position&gt;</c>)
/// from the block summaries alone: per file, blocks sorted by their position range, binary search.
/// </summary>
public sealed class EventBlockLocator
{
    private readonly Dictionary<string, BlockSummary[]> _byFilePrefix;

    public EventBlockLocator(IEnumerable<BlockSummary> blocks)
    {
        _byFilePrefix = blocks
            .GroupBy(b => b.File[..Math.Min(EventIds.HashPrefixLength, b.File.Length)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(b => b.PositionLo).ToArray(), StringComparer.Ordinal);
    }

    public IEnumerable<BlockSummary> Locate(string eventId)
    {
        if (!EventIds.TryParse(eventId, out var prefix, out var position)) yield break;
        if (!_byFilePrefix.TryGetValue(prefix.ToLowerInvariant(), out var blocks)) yield break;
        // Last block starting at or before the position; walk back over any overlapping ranges.
        int lo = 0, hi = blocks.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (blocks[mid].PositionLo <= position) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (var i = found; i >= 0; i--)
        {
            if (blocks[i].PositionHi >= position) yield return blocks[i];
            else if (i < found) yield break;
        }
    }
}
