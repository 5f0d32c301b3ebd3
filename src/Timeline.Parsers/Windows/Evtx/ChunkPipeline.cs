using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Chunks are independent (each carries its own names and templates), so they decode in parallel:
/// the reading thread reads chunk bytes in file order and hands each to a worker; results are
/// yielded in file order. At most <see cref="Window"/> chunks are in flight, so memory stays at a
/// few chunks and their events however large the file is. Warnings reach the context on the
/// reading thread, in file order.
/// </summary>
internal sealed class ChunkPipeline
{
    private readonly ParseContext _context;

    /// <summary>
    /// One decoder per thread, kept across files: decoding a chunk never blocks or re-enters, so no
    /// two chunks share a decoder, and its caches (names, compiled templates) stay warm from file to file.
    /// </summary>
    [ThreadStatic]
    private static ChunkDecoder? t_decoder;

    public ChunkPipeline(ParseContext context) => _context = context;

    public static int Window => Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Chunk slots read (empty slots excluded).</summary>
    public int ChunksRead { get; private set; }

    public IEnumerable<EventRecord> Run(ChunkBlockReader reader)
    {
        var inFlight = new Queue<ChunkJob>();
        try
        {
            while (true)
            {
                _context.Cancellation.ThrowIfCancellationRequested();
                var block = reader.Next();
                if (block is null) break;
                ChunksRead++;
                var job = new ChunkJob(block, Decode);
                inFlight.Enqueue(job);
                ThreadPool.UnsafeQueueUserWorkItem(job, preferLocal: false);
                if (inFlight.Count < Window) continue;
                var oldest = inFlight.Dequeue();
                Help(oldest, inFlight);
                foreach (var e in Finish(oldest)) yield return e;
            }
            while (inFlight.Count > 0)
            {
                foreach (var e in Finish(inFlight.Dequeue())) yield return e;
            }
        }
        finally
        {
            // The consumer stopped early or something failed: settle the remaining jobs so their buffers go back to the pool.
            foreach (var job in inFlight) job.Settle();
        }
    }

    private ChunkResult Decode(ChunkBlock block)
    {
        var decoder = t_decoder ??= new ChunkDecoder();
        try
        {
            return decoder.Decode(block.Buffer, block.Length, block.Index, block.FileOffset, _context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = new ChunkResult();
            failed.Warn(0, $"chunk {block.Index} (file offset 0x{block.FileOffset:X}) could not be read: {ex.GetType().Name}: {ex.Message}");
            return failed;
        }
    }

    /// <summary>
    /// While a worker is still decoding the chunk the reader needs next, the reader decodes later chunks
    /// nobody has started instead of waiting idle: on a busy machine the pool's threads start late.
    /// </summary>
    private static void Help(ChunkJob next, Queue<ChunkJob> later)
    {
        if (next.Unclaimed) return; // Finish runs it here
        foreach (var job in later)
        {
            if (next.IsCompleted) return;
            job.TryRun();
        }
    }

    private List<EventRecord> Finish(ChunkJob job)
    {
        var result = job.Result(_context.Cancellation);
        foreach (var w in result.Warnings) _context.Warn(w.Position, w.Message, w.Excerpt, PositionKind.Record);
        return result.Events;
    }
}
