using LiteDB;
using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>
/// Reads events in timeline order without loading the case: block summaries (tiny) select the
/// blocks that overlap the window, and a k-way merge opens each block only when the merge reaches
/// its first key, so the first page of a listing decodes a handful of blocks.
/// </summary>
internal sealed class TimelineMerge
{
    private readonly CaseStore _store;
    private readonly TimeWindow _window;

    public TimelineMerge(CaseStore store, TimeWindow window)
    {
        _store = store;
        _window = window;
    }

    public IEnumerable<EventRecord> Read()
    {
        var files = _store.FilesCollection.Find(Query.EQ("state", (int)EvidenceState.Complete))
            .ToDictionary(d => d["_id"].AsString, d => d["path"].AsString);
        var pending = new Queue<BlockRef>(_store.BlockInfo.FindAll()
            .Select(d => new BlockRef(d["_id"].AsInt64, d["f"].AsString, d["lo"].AsInt64, d["hi"].AsInt64))
            .Where(b => files.ContainsKey(b.File) && _window.Overlaps(b.Lo, b.Hi))
            .OrderBy(b => b.Lo).ThenBy(b => b.File, StringComparer.Ordinal).ThenBy(b => b.Id));

        var heap = new PriorityQueue<Cursor, EventRecord>(Comparer<EventRecord>.Create(TimelineOrder.Compare));
        while (pending.Count > 0 || heap.Count > 0)
        {
            // Open every block that could hold an event at or before the current head.
            while (pending.Count > 0 && (heap.Count == 0 || pending.Peek().Lo <= TimelineOrder.KeyOf(heap.Peek().Current)))
            {
                var block = pending.Dequeue();
                var cursor = Open(block, files[block.File]);
                if (cursor.MoveNext()) heap.Enqueue(cursor, cursor.Current);
            }
            if (heap.Count == 0) continue;
            var top = heap.Dequeue();
            var e = top.Current;
            if (top.MoveNext()) heap.Enqueue(top, top.Current);
            if (_window.Contains(e.SortTicks)) yield return e;
            else if (_window.To is { } to && e.SortTicks >= to && pending.Count == 0 && heap.Count == 0) yield break;
        }
    }

    private Cursor Open(BlockRef block, string path)
    {
        var doc = _store.Blocks.FindById(block.Id) ?? throw new CaseFormatException($"case '{_store.Path}' is missing event block {block.Id}");
        return new Cursor(EventBlockCodec.Decode(doc["d"].AsBinary, path, block.File));
    }

    private sealed record BlockRef(long Id, string File, long Lo, long Hi);

    private sealed class Cursor(List<EventRecord> events)
    {
        private int _index = -1;
        public EventRecord Current => events[_index];
        public bool MoveNext() => ++_index < events.Count;
    }
}
