namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// The warnings about one archive (bad member names, links, encrypted or duplicate members, damage,
/// bounds). Each kind is listed one by one up to <see cref="ArchiveLimits.ListedProblems"/>; the rest
/// are counted and summarised in one warning per kind, so a million bad members cost a counter, not
/// a million warnings. Position is the member's ordinal in the archive (1-based), or 0 for the whole archive.
/// </summary>
public sealed class ArchiveProblems(int listedPerKind)
{
    private readonly List<(long Position, string Message)> _listed = [];
    private readonly Dictionary<string, long> _unlisted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perKind = new(StringComparer.Ordinal);

    public void Add(string kind, long position, string message)
    {
        var seen = _perKind.GetValueOrDefault(kind);
        _perKind[kind] = seen + 1;
        if (seen < listedPerKind) _listed.Add((position, message));
        else _unlisted[kind] = _unlisted.GetValueOrDefault(kind) + 1;
    }

    /// <summary>The listed warnings, then one summary per kind that had more.</summary>
    public IEnumerable<(long Position, string Message)> All()
    {
        foreach (var p in _listed) yield return p;
        foreach (var (kind, count) in _unlisted.OrderBy(k => k.Key, StringComparer.Ordinal))
            yield return (0, $"{count:N0} more member(s) with the same problem ({kind}) not listed one by one");
    }

    public long Count => _perKind.Values.Sum(v => (long)v);
}
