using Timeline.Core.Events;
using Timeline.Core.Store;
using Timeline.Query.Evaluation;
using Timeline.Query.Fields;

namespace Timeline.Query.Execution;

/// <summary>
/// Stacking (count by value, least or most frequent first) and first/last seen per value. When
/// the query selects every event and the field has an aggregate maintained at ingest or hunt
/// (host, parser, user, src_ip, event, rule, level), the aggregate answers without reading events;
/// otherwise the matching events are scanned.
/// </summary>
public static class Stacking
{
    private static readonly Dictionary<string, string> AggregateOf = new(StringComparer.Ordinal)
    {
        ["host"] = AggregateDimensions.Host,
        ["parser"] = AggregateDimensions.Parser,
        [AggregateDimensions.User] = AggregateDimensions.User,
        [AggregateDimensions.SourceIp] = AggregateDimensions.SourceIp,
        [AggregateDimensions.Event] = AggregateDimensions.Event,
        ["rule"] = AggregateDimensions.Rule,
        ["level"] = AggregateDimensions.Level,
    };

    /// <summary>Whether <see cref="CountBy"/> answers from an aggregate (no event is read).</summary>
    public static bool UsesAggregate(CompiledQuery query, QueryField field) => query.IsAll && AggregateOf.ContainsKey(field.Name);

    public static IReadOnlyList<ValueCount> CountBy(CompiledQuery query, QueryField field, out IScanStats? stats)
    {
        stats = null;
        if (UsesAggregate(query, field))
        {
            return query.Store.AggregatesOf(AggregateOf[field.Name])
                .Select(a => new ValueCount(field.Kind == FieldKind.Rule ? a.Value.Replace('|', ' ') : a.Value, a.Count, a.FirstTicks, a.LastTicks))
                .ToList();
        }
        var scan = new UnorderedScan(query);
        stats = scan;
        var counts = new Dictionary<string, Entry>(StringComparer.Ordinal);
        scan.Run(
            () => new Dictionary<string, Entry>(StringComparer.Ordinal),
            (e, local) =>
            {
                foreach (var v in FieldValues.All(field, e, query.Findings))
                {
                    if (!local.TryGetValue(v, out var entry)) local[v] = entry = new Entry();
                    entry.Add(e.SortTicks);
                }
            },
            local =>
            {
                foreach (var (v, entry) in local)
                {
                    if (!counts.TryGetValue(v, out var total)) counts[v] = total = new Entry();
                    total.Merge(entry);
                }
            });
        return counts.Select(kv => new ValueCount(kv.Key, kv.Value.Count, kv.Value.First, kv.Value.Last)).ToList();
    }

    /// <summary>Orders for display: most frequent first (or least with <paramref name="rarest"/>), ties by value.</summary>
    public static IEnumerable<ValueCount> Order(IEnumerable<ValueCount> counts, bool rarest) =>
        (rarest ? counts.OrderBy(c => c.Count) : counts.OrderByDescending(c => c.Count)).ThenBy(c => c.Value, StringComparer.Ordinal);

    /// <summary>The first (or last) matching event for every value of the field, in timeline order.</summary>
    public static IReadOnlyList<EventRecord> FirstPerValue(CompiledQuery query, QueryField field, bool last, out QueryRun run)
    {
        run = query.Run();
        var chosen = new Dictionary<string, EventRecord>(StringComparer.Ordinal);
        foreach (var e in run.Events())
        {
            foreach (var v in FieldValues.All(field, e, query.Findings))
            {
                if (last) chosen[v] = e;
                else chosen.TryAdd(v, e);
            }
        }
        return chosen.Values.Distinct().OrderBy(e => e, Comparer<EventRecord>.Create(TimelineOrder.Compare)).ToList();
    }

    private sealed class Entry
    {
        public long Count;
        public long? First;
        public long? Last;

        public void Add(long? t)
        {
            Count++;
            if (t is not { } ticks) return;
            if (First is null || ticks < First) First = ticks;
            if (Last is null || ticks > Last) Last = ticks;
        }

        public void Merge(Entry other)
        {
            Count += other.Count;
            if (other.First is { } f && (First is null || f < First)) First = f;
            if (other.Last is { } l && (Last is null || l > Last)) Last = l;
        }
    }
}
