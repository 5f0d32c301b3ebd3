using Timeline.Core.Store;
using Timeline.Query.Execution;

namespace Timeline.Web;

/// <summary>
/// Counts of matching events over time in up to <see cref="Count"/> equal buckets. The span is the
/// query's time window, else the time range of the blocks the plan chose; the empty query without
/// a window is answered from the hour-by-parser aggregates (no event is read).
/// </summary>
public sealed record HistogramBuckets(long From, long To, long Width, long[] Counts)
{
    public const int Count = 60;

    public static HistogramBuckets? Of(CompiledQuery query, CancellationToken cancellation = default)
    {
        var plan = query.Plan;
        if (query.IsAll && plan.Window.IsAll) return FromAggregates(query.Store);
        var timed = plan.Blocks.Where(b => b.Hi != long.MinValue).ToList();
        if (timed.Count == 0) return null;
        var from = plan.Window.From ?? timed.Min(b => b.Lo == long.MinValue ? b.Hi : b.Lo);
        var to = plan.Window.To ?? timed.Max(b => b.Hi) + 1;
        var h = Empty(from, to);
        foreach (var e in query.Run(cancellation: cancellation).Events())
            if (e.SortTicks is { } t) h.Add(t, 1);
        return h;
    }

    private static HistogramBuckets? FromAggregates(ICaseStore store)
    {
        var hours = store.AggregatesOf(AggregateDimensions.HourByParser)
            .Select(a => (Hour: long.Parse(a.Value.AsSpan(0, a.Value.IndexOf('|')), System.Globalization.CultureInfo.InvariantCulture), a.Count))
            .ToList();
        if (hours.Count == 0) return null;
        var h = Empty(hours.Min(x => x.Hour), hours.Max(x => x.Hour) + TimeSpan.TicksPerHour, TimeSpan.TicksPerHour);
        foreach (var (hour, n) in hours) h.Add(hour, n);
        return h;
    }

    private static HistogramBuckets Empty(long from, long to, long minWidth = TimeSpan.TicksPerSecond)
    {
        var span = Math.Max(1, to - from);
        var width = Math.Max(minWidth, (span + Count - 1) / Count);
        if (minWidth == TimeSpan.TicksPerHour) width = (width + minWidth - 1) / minWidth * minWidth;
        var n = (int)Math.Min(Count, (span + width - 1) / width);
        return new HistogramBuckets(from, from + n * width, width, new long[Math.Max(1, n)]);
    }

    private void Add(long ticks, long n)
    {
        if (ticks < From || ticks >= To) return;
        Counts[(int)((ticks - From) / Width)] += n;
    }
}
