using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The formatted text of values that repeat from record to record (provider, channel, computer, provider
/// GUID, keywords, user SID, process ids, short data values), keyed by their type and raw bytes: the text is
/// formatted and allocated once per worker instead of once per record. Direct-mapped: a slot picked by a
/// hash of the bytes holds the last value that landed there (a hit costs one hash and one comparison).
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
        ref var entry = ref _entries[Hash(data, type) & (Slots - 1)];
        if (entry.Type == type && entry.Key is { } key && data.SequenceEqual(key)) return entry.Text;
        var text = ValueFormatter.Format(data, type);
        entry.Key = data.ToArray();
        entry.Type = type;
        entry.Text = text;
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
