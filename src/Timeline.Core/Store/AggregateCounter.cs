using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>Counts one file's events per aggregate dimension in memory; merged into the case when the file completes.</summary>
public sealed class AggregateCounter
{
    /// <summary>Attacker-chosen values (SSH user names) can be huge; index keys cannot.</summary>
    private const int MaxValueLength = 200;

    private readonly Dictionary<(string Dim, string Value), Entry> _entries = new();
    // Hours are counted by number and named once at the end, not formatted for every event.
    private readonly Dictionary<(long Hour, string Parser), Entry> _hours = new();

    public IEnumerable<AggregateCount> Counts =>
        _entries.Select(kv => new AggregateCount(kv.Key.Dim, kv.Key.Value, kv.Value.Count, kv.Value.First, kv.Value.Last))
            .Concat(_hours.Select(kv => new AggregateCount(AggregateDimensions.HourByParser,
                string.Concat(kv.Key.Hour.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", kv.Key.Parser), kv.Value.Count, kv.Value.First, kv.Value.Last)));

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
            var key = (ticks - ticks % TimeSpan.TicksPerHour, e.Parser);
            if (!_hours.TryGetValue(key, out var hour)) _hours[key] = hour = new Entry();
            hour.Add(ticks);
        }
    }

    private void Bump(string dim, string value, long? ticks)
    {
        if (value.Length > MaxValueLength) value = string.Concat(value.AsSpan(0, MaxValueLength), "…");
        var key = (dim, value);
        if (!_entries.TryGetValue(key, out var entry)) _entries[key] = entry = new Entry();
        entry.Add(ticks);
    }

    private sealed class Entry
    {
        public long Count;
        public long? First;
        public long? Last;

        public void Add(long? ticks)
        {
            Count++;
            if (ticks is not { } t) return;
            if (First is null || t < First) First = t;
            if (Last is null || t > Last) Last = t;
        }
    }
}
