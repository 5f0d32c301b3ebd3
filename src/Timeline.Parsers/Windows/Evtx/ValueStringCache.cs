using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The formatted text of values that repeat from record to record (provider, channel, computer, provider
/// GUID, keywords, user SID, process ids, short data values), keyed by their type and raw bytes: the text is
/// formatted and allocated once per worker instead of once per record. Two-way set-associative: a hash of
/// the bytes picks a pair of slots holding the last two values that landed there (a hit costs one hash and
/// one or two comparisons).
/// </summary>
internal sealed class ValueStringCache
{
    private const int Slots = 4096;
    private readonly Entry[] _entries = new Entry[Slots];

    private struct Entry
    {
        public byte[]? Key;
        public byte Type;
        public string Text;
    }

    public ValueStringCache(int maxValueBytes = 256) => MaxValueBytes = maxValueBytes;

    /// <summary>Values longer than this are not cached (<see cref="TextAccumulator.Finish(ValueStringCache)"/> formats them directly).</summary>
    public int MaxValueBytes { get; }

    /// <summary>Exactly <see cref="ValueFormatter.Format"/> of the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Format(ReadOnlySpan<byte> data, byte type)
    {
        var set = Hash(data, type) & (Slots - 2);
        ref var first = ref _entries[set];
        if (first.Type == type && first.Key is { } key && data.SequenceEqual(key)) return first.Text;
        ref var second = ref _entries[set + 1];
        if (second.Type == type && second.Key is { } other && data.SequenceEqual(other)) return second.Text;
        // A miss: the newer of the two moves to the second place, the new value takes the first.
        var text = ValueFormatter.Format(data, type);
        second = first;
        first = new Entry { Key = data.ToArray(), Type = type, Text = text };
        return text;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> data, byte type)
    {
        var hash = ((ulong)type << 32) ^ (ulong)data.Length ^ 0x9E3779B97F4A7C15;
        while (data.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(data)) * 0x100000001B3;
            hash ^= hash >> 29;
            data = data[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < data.Length; i++) tail |= (ulong)data[i] << (8 * i);
        hash = (hash ^ tail) * 0x9E3779B97F4A7C15;
        return (int)(hash >> 40);
    }
}
