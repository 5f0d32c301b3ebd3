namespace Timeline.Web;

/// <summary>
/// How many API requests <c>serve</c> runs at once and for how long each may run
/// (<see cref="Core.Limits.Bounds.RequestConcurrency"/>, <see cref="Core.Limits.Bounds.RequestTime"/>).
/// Entering never waits: a full server answers 503 at once rather than queueing work behind a slow query.
/// </summary>
public sealed class RequestGate(int concurrency, TimeSpan requestTime)
{
    private int _inFlight;

    public int Concurrency { get; } = concurrency;
    public TimeSpan RequestTime { get; } = requestTime;

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= Concurrency) return true;
        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _inFlight);

    /// <summary>
    /// Runs entered work on the thread pool with the time limit: its token is cancelled at
    /// <see cref="RequestTime"/>, and the caller gets a <see cref="TimeoutException"/> then (even if the
    /// work ignores the token). The slot is left only when the work has really stopped.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work)
    {
        var limit = new CancellationTokenSource(RequestTime);
        var task = Task.Run(() => work(limit.Token));
        _ = task.ContinueWith(_ => { Leave(); limit.Dispose(); }, TaskScheduler.Default);
        try
        {
            var result = await task.WaitAsync(RequestTime);
            // The token fired before the wait did (the timers race): the work stopped early, so its
            // answer is partial — report the time limit, never a cut-short result as if it were whole.
            if (limit.IsCancellationRequested) throw new TimeoutException();
            return result;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException();
        }
        catch (TimeoutException)
        {
            try { limit.Cancel(); } catch (ObjectDisposedException) { }
            throw;
        }
    }
}
