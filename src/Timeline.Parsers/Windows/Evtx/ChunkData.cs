using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The bytes of one chunk with its two caches: names and compiled templates, both keyed by their
/// chunk-relative offset (the only way records refer to them). All reads are bounds-checked and
/// throw <see cref="EvtxFormatException"/>, so damaged offsets cannot read outside the chunk.
/// </summary>
internal sealed class ChunkData
{
    private readonly Dictionary<int, string> _names = new();
    private readonly Dictionary<int, BinXmlTemplate> _templates = new();
    private readonly NameInterner _interner;

    public ChunkData(NameInterner interner) => _interner = interner;

    public byte[] Buffer { get; private set; } = [];
    public int Length { get; private set; }

    /// <summary>Points at a new chunk's bytes; the caches of the previous chunk are dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset(byte[] buffer, int length)
    {
        Buffer = buffer;
        Length = length;
        _names.Clear();
        _templates.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Span(int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > Length)
            throw new EvtxFormatException($"data at 0x{offset:X} (+{length}) lies outside the chunk");
        return Buffer.AsSpan(offset, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte U8(int offset) => Span(offset, 1)[0];
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Span(offset, 2));
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Span(offset, 4));
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Offset32(int offset) => (int)Math.Min(U32(offset), int.MaxValue);

    /// <summary>UTF-16LE text; invalid surrogates become U+FFFD so the text stays valid downstream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Utf16(int offset, int charCount) => ValueFormatter.Utf16String(Span(offset, charCount * 2));

    /// <summary>
    /// A name (element, attribute, entity, PI target):
    /// <code>0 4 next name offset in the hash bucket, 4 2 hash, 6 2 characters (n), 8 2n UTF-16LE, then a 2-byte NUL</code>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Name(int offset)
    {
        if (_names.TryGetValue(offset, out var known)) return known;
        var count = U16(offset + 6);
        var bytes = Span(offset + 8, count * 2);
        string name;
        if (BitConverter.IsLittleEndian) name = _interner.Intern(MemoryMarshal.Cast<byte, char>(bytes));
        else name = Encoding.Unicode.GetString(bytes);
        _names[offset] = name;
        return name;
    }

    /// <summary>Bytes a name occupies where it is stored inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int NameSize(int offset) => 8 + (U16(offset + 6) * 2) + 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetTemplate(int offset, out BinXmlTemplate template) => _templates.TryGetValue(offset, out template!);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddTemplate(int offset, BinXmlTemplate template) => _templates[offset] = template;
}
