namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// Finds ENTRY objects that were written but never linked into the entry array chain. journald
/// appends an entry's objects first and links them after, so a file copied from a running system,
/// left by a crash (state online, often renamed <c>*.journal~</c>) or with a broken chain can hold
/// entries the chain does not reach — always after the last entry it does reach, because objects
/// are only appended. The scan walks object headers from there (each object's size, rounded up to
/// 8, leads to the next) to the end of the written data: an all-zero header (the preallocated
/// tail), an implausible header (type, size, flags) or the end of the file. Every step advances at
/// least 16 bytes, so the scan is bounded by the file size.
/// </summary>
public sealed class LinearScanRecovery
{
    private readonly JournalFileView _view;
    private readonly bool _compact;

    public LinearScanRecovery(JournalFileView view, bool compact)
    {
        _view = view;
        _compact = compact;
    }

    /// <summary>Where the scan stopped on a header that is neither an object nor the zero-filled tail, else -1.</summary>
    public long DamagedAt { get; private set; } = -1;

    /// <summary>The damaged header's description, when <see cref="DamagedAt"/> is set.</summary>
    public string? Damage { get; private set; }

    /// <summary>ENTRY offsets greater than <paramref name="after"/>, walking objects from <paramref name="start"/>.</summary>
    public IEnumerable<long> EntryOffsets(long start, long after)
    {
        var offset = (start + 7) & ~7L;
        while (_view.TryRead(offset, ObjectHeader.Bytes, out var bytes))
        {
            if (bytes.IndexOfAnyExcept((byte)0) < 0) yield break; // the unwritten, zero-filled tail
            var header = ObjectHeader.Read(bytes);
            if (!header.IsPlausible(offset, _view.Length, _compact))
            {
                DamagedAt = offset;
                Damage = $"type {(byte)header.Type}, flags 0x{(byte)header.Flags:x2}, size {header.Size}";
                yield break;
            }
            if (header.Type == JournalObjectType.Entry && offset > after) yield return offset;
            offset = header.NextOffset(offset);
        }
    }
}
