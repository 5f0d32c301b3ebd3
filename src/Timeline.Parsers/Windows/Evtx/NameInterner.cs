using System.Runtime.CompilerServices;
namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Shares the strings of element and attribute names (<c>EventData</c>, <c>Data</c>, <c>Name</c>, ...)
/// across the chunks one worker decodes, so a name is allocated once per worker, not once per chunk.
/// Bounded, so hostile files with millions of distinct names cannot grow it without limit.
/// </summary>
internal sealed class NameInterner
{
    private const int MaxEntries = 8192;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameInterner() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Intern(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var known)) return known;
        var created = name.ToString();
        if (_names.Count < MaxEntries) _names.Add(created);
        return created;
    }
}
