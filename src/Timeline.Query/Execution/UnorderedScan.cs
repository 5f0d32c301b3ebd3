using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Query.Execution;

/// <summary>
/// Visits every matching event of the planned blocks when order does not matter (stacking),
/// decoding blocks on all cores. Each worker keeps its own state, merged at the end.
/// </summary>
public sealed class UnorderedScan(CompiledQuery query) : IScanStats
{
    private int _decoded;
    private long _read;

    public int BlocksDecoded => _decoded;
    public long EventsRead => Interlocked.Read(ref _read);

    public void Run<TState>(Func<TState> init, Action<EventRecord, TState> visit, Action<TState> merge)
    {
        var files = query.Store.Blocks.CompleteFiles();
        var filter = query.Plan.Filter;
        var findings = query.Findings;
        // Findings are loaded lazily; load them once before the workers race for them.
        findings.Preload();
        var gate = new object();
        Parallel.ForEach(
            query.Plan.Blocks.Where(b => files.ContainsKey(b.File)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            init,
            (block, _, state) =>
            {
                var events = query.Store.Blocks.Decode(block, files[block.File]);
                Interlocked.Increment(ref _decoded);
                Interlocked.Add(ref _read, events.Count);
                foreach (var e in events)
                    if (filter.Matches(e, findings)) visit(e, state);
                return state;
            },
            state => { lock (gate) merge(state); });
    }
}
