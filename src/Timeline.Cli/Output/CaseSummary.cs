using Timeline.Core.Store;

namespace Timeline.Cli.Output;

/// <summary>The figures stats shows, all from maintained aggregates and file records (no event scan).</summary>
public sealed record CaseSummary(
    long Events, long Warnings, long? First, long? Last,
    IReadOnlyList<KeyValuePair<string, long>> ByParser,
    IReadOnlyList<AggregateCount> Hosts,
    IReadOnlyList<EvidenceFile> Files)
{
    public IEnumerable<KeyValuePair<string, long>> ByHost => Hosts.Select(h => new KeyValuePair<string, long>(h.Value, h.Count));

    public static CaseSummary Of(ICaseStore store)
    {
        var files = store.Files();
        var complete = files.Where(f => f.State == EvidenceState.Complete).ToList();
        var parsers = store.AggregatesOf(AggregateDimensions.Parser).OrderByDescending(a => a.Count).ThenBy(a => a.Value, StringComparer.Ordinal)
            .Select(a => new KeyValuePair<string, long>(a.Value, a.Count)).ToList();
        var hosts = store.AggregatesOf(AggregateDimensions.Host).OrderByDescending(a => a.Count).ThenBy(a => a.Value, StringComparer.Ordinal).ToList();
        return new CaseSummary(
            complete.Sum(f => f.Events), complete.Sum(f => f.Warnings),
            complete.Where(f => f.FirstTicks.HasValue).Select(f => f.FirstTicks).Min(),
            complete.Where(f => f.LastTicks.HasValue).Select(f => f.LastTicks).Max(),
            parsers, hosts, files);
    }
}
