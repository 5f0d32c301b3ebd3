using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The formatted text of values that repeat from record to record (provider, channel, computer, provider
/// GUID, keywords, user SID, process ids), keyed by their type and raw bytes: the text is formatted and
/// allocated once per worker instead of once per record. Bounded: emptied when full.
/// </summary>
internal sealed class ValueStringCache
{
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ValueStringCache(int maxValueBytes = 256)
    {
        MaxValueBytes = maxValueBytes;
        _lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Values longer than this are not cached (<see cref="TextAccumulator.Finish(ValueStringCache)"/> formats them directly).</summary>
    public int MaxValueBytes { get; }

    /// <summary>Exactly <see cref="ValueFormatter.Format"/> of the value (at most 256 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Format(ReadOnlySpan<byte> data, byte type)
    {
        // Key: one char for the type and the parity of the length, then the bytes two by two (the last one padded with 0).
        Span<char> key = stackalloc char[1 + ((data.Length + 1) >> 1)];
        key[0] = (char)(type | ((data.Length & 1) << 8));
        key[^1] = '\0';
        data.CopyTo(MemoryMarshal.AsBytes(key[1..]));
        if (_lookup.TryGetValue(key, out var known)) return known;
        var text = ValueFormatter.Format(data, type);
        if (_texts.Count >= MaxEntries) _texts.Clear();
        _lookup[key] = text;
        return text;
    }
}
