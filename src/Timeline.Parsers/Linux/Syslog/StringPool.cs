namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Interns the strings a log repeats on every line (hosts, program names, pids) so each distinct
/// value is allocated once per file. Bounded: attacker-controlled input cannot grow it without limit;
/// past <see cref="MaxEntries"/> values are simply allocated.
/// </summary>
public sealed class StringPool
{
    public const int MaxEntries = 4096;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return "";
        if (_lookup.TryGetValue(value, out var known)) return known;
        var text = value.ToString();
        if (_pool.Count < MaxEntries) _pool[text] = text;
        return text;
    }
}
