using System.Runtime.CompilerServices;
using System.Text;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Collects the pieces of one element's (or attribute's) text. Most texts are a single substitution
/// value, which is kept unformatted until the text is known to be wanted, then formatted once.
/// </summary>
internal sealed class TextAccumulator
{
    private readonly StringBuilder _joined = new();
    private ChunkData? _chunk;
    private int _count;
    private string? _text;
    private ValueSlice _value;
    private int _item;

    /// <summary>
    /// The items of the array value last split (<see cref="_itemsOf"/>). A data element holding an array
    /// is repeated once per item, each asking for its own item: splitting the value on every request made
    /// that quadratic (a 64 KiB array of one-byte items took seconds; found by afl, issue 11).
    /// </summary>
    private List<(int Start, int Length)>? _items;
    private ValueSlice _itemsOf;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset(ChunkData chunk)
    {
        _chunk = chunk;
        _items = null;
        Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Clear()
    {
        _count = 0;
        _text = null;
        _joined.Clear();
    }

    public bool IsEmpty => _count == 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string text)
    {
        if (text.Length == 0) return;
        if (_count == 0) _text = text;
        else Join().Append(text);
        _count++;
    }

    /// <summary>A substitution value; <paramref name="item"/> is the array item, or -1 for the whole value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ValueSlice value, int item)
    {
        if (_count == 0)
        {
            _text = null;
            _value = value;
            _item = item;
        }
        else Join().Append(Format(value, item));
        _count++;
    }

    /// <summary>The raw FILETIME when the text is exactly one FILETIME value (System/TimeCreated/@SystemTime).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryFileTime(out long fileTime)
    {
        fileTime = 0;
        if (_count != 1 || _text is not null || _value.Type != BinXmlValueType.FileTime || _value.Size != 8) return false;
        fileTime = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(_chunk!.Span(_value.Offset, 8));
        return true;
    }

    /// <summary>
    /// <see cref="Finish()"/>, through <paramref name="cache"/> when the text is one whole value (not an array item)
    /// small enough to cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Finish(ValueStringCache cache)
    {
        if (_count != 1 || _text is not null || _item >= 0 || _value.Size > cache.MaxValueBytes) return Finish();
        return cache.Format(_chunk!.Span(_value.Offset, _value.Size), _value.Type);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Finish() => _count switch
    {
        0 => "",
        1 => _text ?? Format(_value, _item),
        _ => _joined.ToString(),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private StringBuilder Join()
    {
        if (_count == 1)
        {
            _joined.Clear();
            _joined.Append(_text ?? Format(_value, _item));
        }
        return _joined;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Format(ValueSlice value, int item)
    {
        var data = _chunk!.Span(value.Offset, value.Size);
        if (item < 0) return ValueFormatter.Format(data, value.Type);
        if (_items is null || _itemsOf != value)
        {
            _items = ValueFormatter.Items(data, value.Type);
            _itemsOf = value;
        }
        var items = _items;
        if (item >= items.Count) return "";
        return ValueFormatter.FormatScalar(data.Slice(items[item].Start, items[item].Length), (byte)(value.Type & 0x7F));
    }
}
