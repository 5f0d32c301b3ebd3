using Timeline.Core.Events;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>What one chunk gave: its events in record order, and its problems (reported before its events).</summary>
internal sealed class ChunkResult
{
    public List<EventRecord> Events { get; } = new(128);
    public List<PendingWarning> Warnings { get; } = [];

    public void Warn(long position, string message, string excerpt = "") => Warnings.Add(new PendingWarning(position, message, excerpt));
}

/// <summary>
/// A warning found on a worker thread, handed to <see cref="Timeline.Core.Ingest.ParseContext.Warn"/>
/// on the reading thread in file order (the context is not thread-safe).
/// </summary>
internal readonly record struct PendingWarning(long Position, string Message, string Excerpt);
