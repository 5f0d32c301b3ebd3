using Timeline.Core.Store;

namespace Timeline.Pipeline;

/// <summary>
/// What is in a case (<c>timeline stats</c>), all from maintained aggregates and file records (no
/// event scan): events and warnings of the complete files, the time range, events by parser and by
/// host (with first and last seen), every evidence file (SHA-256, parser, counts, how its times were
/// known, where its host came from, complete or not) and the first <see cref="WarningList"/> warnings.
/// </summary>
public sealed record CaseSummary(
    string Location,
    long Events, long Warnings, long? First, long? Last,
    IReadOnlyList<KeyValuePair<string, long>> ByParser,
    IReadOnlyList<AggregateCount> Hosts,
    IReadOnlyList<EvidenceFile> Files,
    IReadOnlyList<StoredWarning> WarningList)
{
    public IEnumerable<KeyValuePair<string, long>> ByHost => Hosts.Select(h => new KeyValuePair<string, long>(h.Value, h.Count));
}
