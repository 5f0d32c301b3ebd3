using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// One journal entry as a reader found it: the fields Timeline interprets (<see cref="JournalFields"/>)
/// in fixed slots, every other field in order under its journal name (<see cref="Others"/>). A field
/// may repeat within an entry (<c>_UDEV_DEVLINK</c> of a disk; JSON writes <c>"F":["a","b"]</c>): a
/// slot keeps the first value, and the second and later values of any field are kept as
/// <c>NAME#2</c>, <c>NAME#3</c> … among the others. Values longer than <see cref="MaxValueBytes"/>
/// keep their first part and a marker. One instance is reused for every entry of a file: read it
/// before asking the reader for the next entry.
/// </summary>
public sealed class JournalEntry
{
    /// <summary>
    /// Longest value kept (UTF-8 bytes). Real fields are short (journald cuts a line at 48 KiB); a
    /// longer one (a dumped blob, a hostile entry) keeps its first 64 KiB, a marker, and a warning.
    /// </summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>Fields kept per entry besides the slots. journald's own limit is 1,024 fields per entry.</summary>
    public const int MaxOtherFields = 1024;

    /// <summary>Appended to a value cut at <see cref="MaxValueBytes"/>.</summary>
    public const string CutMarker = "…[cut at 65,536 bytes]";

    private readonly string?[] _values = new string?[JournalFields.Count];
    private readonly FieldState[] _states = new FieldState[JournalFields.Count];
    private readonly List<KeyValuePair<string, string>> _others = [];
    /// <summary>One bit per name shape seen in this entry: a field whose bit is clear cannot be a repeat (most are not).</summary>
    private ulong _namesSeen;
    private readonly StringPool _pool = new();
    private readonly StringPool _names = new();

    /// <summary>Where the entry starts: the 1-based line of an export, or the byte offset of a binary ENTRY object.</summary>
    public long Position { get; private set; }

    /// <summary><see cref="PositionKind.Line"/> for exports, <see cref="PositionKind.Record"/> (a byte offset) for binary journals.</summary>
    public PositionKind PositionKind { get; private set; }

    /// <summary>1-based line of the export on which the entry starts (kept for the export and JSON readers).</summary>
    public long Line => Position;

    /// <summary>Number of fields of any name seen in the entry.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The fields without a slot, in the order read, under their journal names (repeats as <c>NAME#n</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Others => _others;

    /// <summary>Names of the fields (slot or not) whose value had bytes that are not UTF-8, or NULs (kept as <c>\xNN</c>).</summary>
    public List<string> LossyNames { get; } = [];

    /// <summary>Names of the fields cut at <see cref="MaxValueBytes"/>.</summary>
    public List<string> CutNames { get; } = [];

    /// <summary>Fields beyond <see cref="MaxOtherFields"/> that were dropped.</summary>
    public int DroppedFields { get; private set; }

    public void Start(long position, PositionKind kind = PositionKind.Line)
    {
        Array.Clear(_values);
        Array.Clear(_states);
        _others.Clear();
        _namesSeen = 0;
        LossyNames.Clear();
        CutNames.Clear();
        DroppedFields = 0;
        Position = position;
        PositionKind = kind;
        FieldCount = 0;
    }

    /// <summary>The first value of a slot, or null when the field is absent or was omitted (JSON null).</summary>
    public string? Get(int slot) => _values[slot];

    /// <summary>The field was present but its value had bytes that are not UTF-8 (kept as <c>\xNN</c>).</summary>
    public bool IsLossy(int slot) => _states[slot] == FieldState.Lossy;

    /// <summary>The field was present with the value <c>null</c>: journalctl left out an oversize value.</summary>
    public bool IsOmitted(int slot) => _states[slot] == FieldState.Omitted;

    /// <summary>Sets a value that is already text (a JSON string).</summary>
    public void SetText(int slot, string name, string value)
    {
        FieldCount++;
        if (value.Length > MaxValueBytes / 4 && System.Text.Encoding.UTF8.GetByteCount(value) > MaxValueBytes)
        {
            // Cut on a character boundary near the byte bound; a JSON value is rarely this long.
            value = string.Concat(value.AsSpan(0, Math.Min(value.Length, MaxValueBytes / 3)), CutMarker);
            CutNames.Add(name);
        }
        Store(slot, name, value, lossy: false);
    }

    /// <summary>
    /// Sets a value given as bytes (an export text or binary field, a JSON byte array, a binary
    /// journal DATA payload). <paramref name="name"/> is needed only for a field without a slot.
    /// </summary>
    public void SetBytes(int slot, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var nameText = slot >= 0 ? JournalFields.Names[slot] : NameOf(name);
        var text = Decode(slot, value, out var lossy, out var cut);
        SetDecoded(slot, nameText, text, lossy, cut);
    }

    /// <summary>
    /// A value as it is kept: UTF-8 decoded as <see cref="TextLineReader.Decode"/> does (invalid bytes
    /// and NULs as <c>\xNN</c>), cut at <see cref="MaxValueBytes"/> with <see cref="CutMarker"/>.
    /// </summary>
    public string Decode(int slot, ReadOnlySpan<byte> value, out bool lossy, out bool cut)
    {
        cut = value.Length > MaxValueBytes;
        if (cut) value = value[..MaxValueBytes];
        var text = DecodeValue(slot, value, out lossy);
        return cut ? string.Concat(text, CutMarker) : text;
    }

    /// <summary>Sets a value decoded before (a binary journal caches the DATA objects entries share).</summary>
    public void SetDecoded(int slot, string name, string value, bool lossy, bool cut)
    {
        FieldCount++;
        if (cut) CutNames.Add(name);
        Store(slot, name, value, lossy);
    }

    /// <summary>A field name (ASCII, at most <see cref="JournalFields.MaxNameLength"/> bytes once validated) as a pooled string.</summary>
    public string NameOf(ReadOnlySpan<byte> name)
    {
        if (name.Length > JournalFields.MaxNameLength) return System.Text.Encoding.ASCII.GetString(name);
        Span<char> chars = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++) chars[i] = (char)name[i];
        return _names.Get(chars);
    }

    /// <summary>Decodes a value as <see cref="TextLineReader.Decode"/> does, pooling the values that repeat between entries.</summary>
    private string DecodeValue(int slot, ReadOnlySpan<byte> value, out bool lossy)
    {
        var text = TextLineReader.Decode(value, out var invalid, out var nul);
        lossy = invalid || nul;
        // Everything except the message, the command line and the timestamps repeats from entry to entry.
        return slot is JournalFields.Message or JournalFields.Cmdline or JournalFields.RealtimeTimestamp or JournalFields.SourceRealtimeTimestamp
            || text.Length > 256 ? text : _pool.Get(text);
    }

    public void SetOmitted(int slot, string name)
    {
        FieldCount++;
        if (slot >= 0 && _states[slot] == FieldState.Absent) _states[slot] = FieldState.Omitted;
    }

    private void Store(int slot, string name, string value, bool lossy)
    {
        if (lossy) LossyNames.Add(name);
        if (slot >= 0 && _states[slot] == FieldState.Absent)
        {
            _values[slot] = value;
            _states[slot] = lossy ? FieldState.Lossy : FieldState.Text;
            return;
        }
        if (_others.Count >= MaxOtherFields)
        {
            DroppedFields++;
            return;
        }
        // The first value of a field without a slot keeps its name; a repeat of any field is NAME#n.
        var count = slot >= 0 ? 2 : 1; // a slot holds the first value
        var bit = name.Length == 0 ? 1UL : 1UL << ((name.Length * 31 + name[^1]) & 63);
        if ((_namesSeen & bit) != 0) count += EarlierValues(name);
        _namesSeen |= bit;
        _others.Add(new(count == 1 ? name : string.Concat(name, "#", count.ToString(System.Globalization.CultureInfo.InvariantCulture)), value));
    }

    /// <summary>Values of <paramref name="name"/> among the others so far (<c>NAME</c>, <c>NAME#2</c> …).</summary>
    private int EarlierValues(string name)
    {
        var count = 0;
        foreach (var (key, _) in _others)
        {
            if (key.StartsWith(name, StringComparison.Ordinal) && (key.Length == name.Length || key[name.Length] == '#')) count++;
        }
        return count;
    }

    private enum FieldState : byte { Absent, Text, Lossy, Omitted }
}
