using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>Counts one file's events per aggregate dimension in memory; merged into the case when the file completes.</summary>
internal sealed class AggregateCounter
{
    /// <summary>Attacker-chosen values (SSH user names) can be huge; index keys cannot.</summary>
    private const int MaxValueLength = 200;

    private readonly Dictionary<(string Dim, string Value), Entry> _entries = new();

    public IEnumerable<AggregateCount> Counts =>
        _entries.Select(kv => new AggregateCount(kv.Key.Dim, kv.Key.Value, kv.Value.Count, kv.Value.First, kv.Value.Last));

    public void Add(EventRecord e)
    {
        var t = e.Ticks;
        Bump(AggregateDimensions.Host, e.Host, t);
        Bump(AggregateDimensions.Parser, e.Parser, t);
        foreach (var field in AggregateDimensions.Fields)
        {
            if (e.Fields.TryGetValue(field, out var v)) Bump(field, v, t);
        }
        if (t is { } ticks)
        {
            var hour = ticks - ticks % TimeSpan.TicksPerHour;
            Bump(AggregateDimensions.HourByParser, string.Concat(hour.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", e.Parser), t);
        }
    }

    private void Bump(string dim, string value, long? ticks)
    {
        if (value.Length > MaxValueLength) value = string.Concat(value.AsSpan(0, MaxValueLength), "…");
        var key = (dim, value);
        if (!_entries.TryGetValue(key, out var entry)) _entries[key] = entry = new Entry();
        entry.Count++;
        if (ticks is { } t)
        {
            if (entry.First is null || t < entry.First) entry.First = t;
            if (entry.Last is null || t > entry.Last) entry.Last = t;
        }
    }

    private sealed class Entry
    {
        public long Count;
        public long? First;
        public long? Last;
    }
}
