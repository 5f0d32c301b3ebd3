using Timeline.Core.Limits;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// Joins streamed records into events, one per (node, time, serial). The kernel writes an event's
/// records together, but auditd may interleave records of other events, so an event stays open until
/// (a) its <c>EOE</c> record arrives, (b) <see cref="Bounds.AuditGroupLines"/> lines of other events have
/// passed since its last record, (c) it reaches <see cref="Bounds.AuditRecordsPerEvent"/> records (a
/// serial that never ends), or (d) the open events together hold more than
/// <see cref="Bounds.AuditOpenChars"/> characters (the oldest closes), or at the end of the file.
/// Memory is bounded by (b)–(d); closes for (c) and (d) come with a reason for a warning.
/// </summary>
public sealed class AuditEventJoiner
{
    public sealed class OpenEvent(AuditEventKey key, long firstLine)
    {
        public AuditEventKey Key { get; } = key;
        public long FirstLine { get; } = firstLine;
        public long LastLine { get; set; }
        public List<AuditRecord> Records { get; } = [];
        public long Chars { get; set; }
        /// <summary>Why the event was closed before it was known complete, or null.</summary>
        public string? ClosedEarly { get; set; }
        /// <summary>Set when this event's key belongs to an event already closed: its records came too late to join it.</summary>
        public bool Late { get; set; }
    }

    private readonly Dictionary<AuditEventKey, OpenEvent> _open = [];
    // Line of each appended record, oldest first; entries for a record that was not an event's last are stale.
    private readonly Queue<(AuditEventKey Key, long Line)> _recent = new();
    private long _openChars;
    // Keys of recently closed events (the last RecentlyClosed), to tell a late record from a new event.
    private const int RecentlyClosed = 4096;
    private readonly HashSet<AuditEventKey> _closedKeys = [];
    private readonly Queue<AuditEventKey> _closedOrder = new();

    public int OpenCount => _open.Count;

    /// <summary>Adds a record; returns the events this closes (in the order they close).</summary>
    public IEnumerable<OpenEvent> Add(AuditRecord record)
    {
        var closed = new List<OpenEvent>(0);
        // (b) events whose last record is far enough behind.
        while (_recent.Count > 0 && _recent.Peek().Line < record.Line - Bounds.AuditGroupLines)
        {
            var (key, line) = _recent.Dequeue();
            if (_open.TryGetValue(key, out var stale) && stale.LastLine == line) closed.Add(Close(stale));
        }
        if (!_open.TryGetValue(record.Key, out var open))
        {
            open = new OpenEvent(record.Key, record.Line) { Late = _closedKeys.Contains(record.Key) };
            _open[record.Key] = open;
        }
        if (record.Type == "EOE")
        {
            closed.Add(Close(open));
            return closed;
        }
        open.Records.Add(record);
        open.LastLine = record.Line;
        open.Chars += record.Text.Length;
        _openChars += record.Text.Length;
        _recent.Enqueue((record.Key, record.Line));
        if (open.Records.Count >= Bounds.AuditRecordsPerEvent)
        {
            open.ClosedEarly = $"the event reached {Bounds.AuditRecordsPerEvent} records; later records of serial {record.Serial} form another event";
            closed.Add(Close(open));
        }
        while (_openChars > Bounds.AuditOpenChars && _open.Count > 0)
        {
            var oldest = _open.Values.MinBy(e => e.FirstLine)!;
            oldest.ClosedEarly = $"open audit events held over {Bounds.AuditOpenChars} characters; the oldest was closed early";
            closed.Add(Close(oldest));
        }
        return closed;
    }

    /// <summary>The events still open at the end of the file, oldest first.</summary>
    public IEnumerable<OpenEvent> Finish()
    {
        var rest = _open.Values.OrderBy(e => e.FirstLine).ToList();
        _open.Clear();
        _recent.Clear();
        _openChars = 0;
        return rest;
    }

    private OpenEvent Close(OpenEvent open)
    {
        _open.Remove(open.Key);
        _openChars -= open.Chars;
        if (_closedKeys.Add(open.Key))
        {
            _closedOrder.Enqueue(open.Key);
            if (_closedOrder.Count > RecentlyClosed) _closedKeys.Remove(_closedOrder.Dequeue());
        }
        return open;
    }
}
