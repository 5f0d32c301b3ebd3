using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>
/// Reads events in timeline order without loading the case: block summaries (tiny) select the
/// blocks that overlap the window, and a k-way merge opens each block only when the merge reaches
/// its first key, so the first page of a listing decodes a handful of blocks. A query may hand in
/// the blocks it chose from the indexes; <see cref="BlocksDecoded"/> says how many were opened.
/// Descending order walks the same merge from the end.
/// </summary>
public sealed class TimelineMerge
{
    private readonly IEventBlocks _store;
    private readonly TimeWindow _window;
    private readonly IReadOnlyList<BlockSummary>? _blocks;
    private readonly bool _descending;
    private int _decoded;

    /// <summary>Merges <c>blocks</c> (the candidates a query chose, or null for every block) inside the window, ascending or descending.</summary>
    public TimelineMerge(IEventBlocks store, IReadOnlyList<BlockSummary>? blocks, TimeWindow window, bool descending)
    {
        _store = store;
        _blocks = blocks;
        _window = window;
        _descending = descending;
    }

    /// <summary>Blocks decoded so far by <see cref="Read"/>.</summary>
    public int BlocksDecoded => _decoded;

    public IEnumerable<EventRecord> Read()
    {
        var files = _store.CompleteFiles();
        var candidates = (_blocks ?? _store.All()).Where(b => files.ContainsKey(b.File) && _window.Overlaps(b.Lo, b.Hi));
        var ordered = _descending
            ? candidates.OrderByDescending(b => b.Hi).ThenByDescending(b => b.File, StringComparer.Ordinal).ThenByDescending(b => b.Id)
            : candidates.OrderBy(b => b.Lo).ThenBy(b => b.File, StringComparer.Ordinal).ThenBy(b => b.Id);
        var pending = new Queue<BlockSummary>(ordered);
        var sign = _descending ? -1 : 1;
        var heap = new PriorityQueue<Cursor, EventRecord>(Comparer<EventRecord>.Create((a, b) => sign * TimelineOrder.Compare(a, b)));
        while (pending.Count > 0 || heap.Count > 0)
        {
            // Open every block that could hold an event at or before (after, descending) the current head.
            while (pending.Count > 0 && (heap.Count == 0 || Reaches(pending.Peek(), TimelineOrder.KeyOf(heap.Peek().Current))))
            {
                var block = pending.Dequeue();
                _decoded++;
                var cursor = new Cursor(_store.Decode(block, files[block.File]), _descending);
                if (cursor.MoveNext()) heap.Enqueue(cursor, cursor.Current);
            }
            if (heap.Count == 0) continue;
            var top = heap.Dequeue();
            var e = top.Current;
            if (top.MoveNext()) heap.Enqueue(top, top.Current);
            if (_window.Contains(e.SortTicks)) yield return e;
            // The merge is ordered: once past the window's far end, nothing later can be inside it.
            else if (!_descending && _window.To is { } to && TimelineOrder.KeyOf(e) >= to) yield break;
            else if (_descending && _window.From is { } from && TimelineOrder.KeyOf(e) < from) yield break;
        }
    }

    private bool Reaches(BlockSummary next, long headKey) => _descending ? next.Hi >= headKey : next.Lo <= headKey;

    private sealed class Cursor(List<EventRecord> events, bool reverse)
    {
        private int _index = reverse ? events.Count : -1;
        public EventRecord Current => events[_index];
        public bool MoveNext() => reverse ? --_index >= 0 : ++_index < events.Count;
    }
}
