using Timeline.Core.Store;

namespace Timeline.Pipeline;

/// <summary>The summary of a case (<see cref="CaseSummary"/>), read from the aggregates kept at ingest.</summary>
public static class StatsStep
{
    /// <summary>The summary with at most <paramref name="warningLimit"/> warnings listed.</summary>
    public static CaseSummary Run(ICaseStore store, int warningLimit)
    {
        var files = store.Files();
        var complete = files.Where(f => f.State == EvidenceState.Complete).ToList();
        var parsers = store.AggregatesOf(AggregateDimensions.Parser).OrderByDescending(a => a.Count).ThenBy(a => a.Value, StringComparer.Ordinal)
            .Select(a => new KeyValuePair<string, long>(a.Value, a.Count)).ToList();
        var hosts = store.AggregatesOf(AggregateDimensions.Host).OrderByDescending(a => a.Count).ThenBy(a => a.Value, StringComparer.Ordinal).ToList();
        return new CaseSummary(
            store.Location,
            complete.Sum(f => f.Events), complete.Sum(f => f.Warnings),
            complete.Where(f => f.FirstTicks.HasValue).Select(f => f.FirstTicks).Min(),
            complete.Where(f => f.LastTicks.HasValue).Select(f => f.LastTicks).Max(),
            parsers, hosts, files, store.Warnings(warningLimit).ToList());
    }
}
