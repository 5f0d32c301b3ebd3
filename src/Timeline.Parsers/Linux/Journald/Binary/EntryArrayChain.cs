using System.Buffers.Binary;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// Walks the chain of ENTRY_ARRAY objects that starts at the header's <c>entry_array_offset</c> and
/// lists every linked entry in order:
/// <code>
///  0 object header (16)
/// 16 le64 next_entry_array_offset      0 = last array
/// 24 items: le64 (regular) or le32 (compact) ENTRY offsets, sorted; unused trailing items are 0
/// </code>
/// A hostile or torn file cannot make the walk loop or run long: each array must lie after the
/// previous one (writers only append, so a pointer backwards is damage — and a cycle is impossible),
/// and each entry offset must be greater than the one before. The walk stops at the first violation
/// and says why in <see cref="Broken"/>; the entries listed before it are good.
/// </summary>
public sealed class EntryArrayChain
{
    public const int ItemsOffset = 24;

    /// <summary>Items read from the view at a time.</summary>
    private const int ItemsPerRead = 4096;

    private readonly JournalFileView _view;
    private readonly bool _compact;
    private readonly long _firstArray;
    private readonly long _minimumOffset;

    public EntryArrayChain(JournalFileView view, JournalHeader header, long minimumOffset)
    {
        _view = view;
        _compact = header.Compact;
        _firstArray = header.EntryArrayOffset > long.MaxValue ? -1 : (long)header.EntryArrayOffset;
        _minimumOffset = minimumOffset;
    }

    /// <summary>Why the walk stopped early (null when the chain ended normally), and at which array.</summary>
    public string? Broken { get; private set; }

    public long BrokenAt { get; private set; }

    /// <summary>Arrays walked.</summary>
    public int Arrays { get; private set; }

    /// <summary>The linked ENTRY offsets, strictly increasing.</summary>
    public IEnumerable<long> EntryOffsets()
    {
        long array = _firstArray, previousArray = 0, previousEntry = 0;
        var itemBytes = _compact ? 4 : 8;
        while (array != 0)
        {
            if (!IsValidArray(array, previousArray, out var header, out var next)) yield break;
            Arrays++;
            var items = (long)((header.Size - ItemsOffset) / (ulong)itemBytes);
            var ended = false;
            for (long first = 0; first < items && !ended; first += ItemsPerRead)
            {
                var count = (int)Math.Min(ItemsPerRead, items - first);
                if (!_view.TryRead(array + ItemsOffset + first * itemBytes, count * itemBytes, out var bytes))
                {
                    Stop(array, "its items are cut by the end of the file");
                    yield break;
                }
                // Copy out: the view's span is only valid until the next read (the caller reads entries).
                var offsets = new long[count];
                for (var i = 0; i < count; i++)
                {
                    offsets[i] = _compact
                        ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..])
                        : (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]), long.MaxValue);
                }
                foreach (var entry in offsets)
                {
                    if (entry == 0)
                    {
                        ended = true; // the rest of this array is not used yet
                        break;
                    }
                    if (entry <= previousEntry || (entry & 7) != 0 || entry < _minimumOffset || entry >= _view.Length)
                    {
                        Stop(array, $"it lists entry offset {entry} after {previousEntry} (offsets must increase and lie in the file)");
                        yield break;
                    }
                    previousEntry = entry;
                    yield return entry;
                }
            }
            previousArray = array;
            array = next;
        }
    }

    private bool IsValidArray(long array, long previousArray, out ObjectHeader header, out long next)
    {
        header = default;
        next = 0;
        if (array <= previousArray || (array & 7) != 0 || array < _minimumOffset)
        {
            Stop(array, previousArray == 0 ? "the header's entry_array_offset is not a valid offset" : $"the array at {previousArray} points to {array}, not after itself");
            return false;
        }
        if (!_view.TryRead(array, ItemsOffset, out var bytes))
        {
            Stop(array, "the array lies beyond the end of the file");
            return false;
        }
        header = ObjectHeader.Read(bytes);
        if (header.Type != JournalObjectType.EntryArray || !header.IsPlausible(array, _view.Length, _compact))
        {
            Stop(array, $"the object there is not an entry array (type {(byte)header.Type}, size {header.Size})");
            return false;
        }
        next = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]), long.MaxValue);
        return true;
    }

    private void Stop(long array, string why)
    {
        Broken = why;
        BrokenAt = array;
    }
}
