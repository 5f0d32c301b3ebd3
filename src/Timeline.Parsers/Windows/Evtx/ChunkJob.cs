using System.Buffers;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The decoding of one chunk, runnable exactly once by whichever thread gets to it first: a
/// thread-pool worker, or the reading thread when it needs this chunk's events and no worker has
/// started it yet. The reader thus never sits idle waiting for a busy (or starved) thread pool.
/// </summary>
internal sealed class ChunkJob : IThreadPoolWorkItem
{
    private readonly ChunkBlock _block;
    private readonly Func<ChunkBlock, ChunkResult> _decode;
    private readonly ManualResetEventSlim _done = new(false);
    private int _claimed;
    private ChunkResult? _result;
    private Exception? _failure;

    public ChunkJob(ChunkBlock block, Func<ChunkBlock, ChunkResult> decode)
    {
        _block = block;
        _decode = decode;
    }

    public void Execute() => TryRun();

    /// <summary>Runs the job here unless another thread already claimed it, then waits for its result.</summary>
    public ChunkResult Result(CancellationToken cancellation)
    {
        TryRun();
        _done.Wait(cancellation);
        _done.Dispose();
        if (_failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        return _result!;
    }

    /// <summary>Waits for a job that may be running elsewhere, so its buffer is back in the pool.</summary>
    public void Settle()
    {
        if (Interlocked.CompareExchange(ref _claimed, 1, 0) == 0)
        {
            ArrayPool<byte>.Shared.Return(_block.Buffer);
            return;
        }
        _done.Wait();
    }

    /// <summary>True once the result is ready.</summary>
    public bool IsCompleted => _done.IsSet;

    /// <summary>True when the job was not yet claimed; not yet claimed jobs are worth running here instead of waiting.</summary>
    public bool Unclaimed => Volatile.Read(ref _claimed) == 0;

    /// <summary>Runs the job on this thread unless another thread claimed it; true when it ran here.</summary>
    public bool TryRun()
    {
        if (Interlocked.CompareExchange(ref _claimed, 1, 0) != 0) return false;
        try
        {
            _result = _decode(_block);
        }
        catch (Exception ex)
        {
            _failure = ex;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_block.Buffer);
            _done.Set();
        }
        return true;
    }
}
