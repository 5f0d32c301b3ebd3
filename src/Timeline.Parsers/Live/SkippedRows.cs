using System.Globalization;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Live;

/// <summary>
/// Rows a live-state parser reads but deliberately does not turn into events (an ordinary open file
/// in lsof, a unix socket in netstat, a thread row): counted by kind and reported once per file as a
/// warning at position 0, so nothing disappears without a trace and a 10^5-row lsof does not produce
/// 10^5 warnings.
/// </summary>
public sealed class SkippedRows
{
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string kind) => _counts[kind] = _counts.GetValueOrDefault(kind) + 1;

    public long Total => _counts.Values.Sum();

    /// <summary>One warning naming every kind and its count; nothing when no row was skipped.</summary>
    public void Report(ParseContext context)
    {
        if (_counts.Count == 0) return;
        var parts = _counts.Select(c => c.Value.ToString("N0", CultureInfo.InvariantCulture) + " " + c.Key);
        context.Warn(0, "rows read but not made events (by design, see src/Timeline.Parsers/Live/README.md): " + string.Join(", ", parts));
    }
}
