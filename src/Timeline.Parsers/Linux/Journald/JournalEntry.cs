using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// The fields of one journal entry that Timeline reads (<see cref="JournalFields"/>), as the export
/// and JSON readers found them. A field may repeat within an entry (the JSON format writes
/// <c>"F":["a","b"]</c>); the first value is kept. One instance is reused for every entry of a file:
/// read it before asking the reader for the next entry.
/// </summary>
public sealed class JournalEntry
{
    private readonly string?[] _values = new string?[JournalFields.Count];
    private readonly FieldState[] _states = new FieldState[JournalFields.Count];
    private readonly StringPool _pool = new();

    /// <summary>1-based line of the file on which the entry starts (every LF counts, also inside binary values).</summary>
    public long Line { get; private set; }

    /// <summary>Number of fields of any name seen in the entry, read or skipped.</summary>
    public int FieldCount { get; private set; }

    public void Start(long line)
    {
        Array.Clear(_values);
        Array.Clear(_states);
        Line = line;
        FieldCount = 0;
    }

    /// <summary>Counts a field Timeline does not read.</summary>
    public void Skip() => FieldCount++;

    /// <summary>The first value of a slot, or null when the field is absent or was omitted (JSON null).</summary>
    public string? Get(int slot) => _values[slot];

    /// <summary>The field was present but its value had bytes that are not UTF-8 (kept as <c>\xNN</c>).</summary>
    public bool IsLossy(int slot) => _states[slot] == FieldState.Lossy;

    /// <summary>The field was present with the value <c>null</c>: journalctl left out an oversize value.</summary>
    public bool IsOmitted(int slot) => _states[slot] == FieldState.Omitted;

    public void SetText(int slot, string value)
    {
        FieldCount++;
        if (slot < 0 || _states[slot] != FieldState.Absent) return;
        _values[slot] = value;
        _states[slot] = FieldState.Text;
    }

    /// <summary>Sets a value given as bytes (an export text or binary field, a JSON byte array).</summary>
    public void SetBytes(int slot, ReadOnlySpan<byte> value)
    {
        FieldCount++;
        if (slot < 0 || _states[slot] != FieldState.Absent) return;
        var text = TextLineReader.Decode(value, out var invalid, out var nul);
        // Everything except the message and the command line repeats from entry to entry.
        _values[slot] = slot is JournalFields.Message or JournalFields.Cmdline ? text : _pool.Get(text);
        _states[slot] = invalid || nul ? FieldState.Lossy : FieldState.Text;
    }

    public void SetOmitted(int slot)
    {
        FieldCount++;
        if (slot < 0 || _states[slot] != FieldState.Absent) return;
        _states[slot] = FieldState.Omitted;
    }

    private enum FieldState : byte { Absent, Text, Lossy, Omitted }
}
