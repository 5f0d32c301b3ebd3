using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>
/// Events stored in blocks (~1,000 events sorted by time, each with a small summary: file, time
/// range, hosts, parsers), as the query planner sees them: it chooses blocks from the summaries'
/// indexes, then decodes only those (<see cref="TimelineMerge"/> merges them in time order). Only
/// blocks of complete files are returned. A backend without blocks can present its partitions as
/// blocks, or answer <see cref="ICaseStore.Events"/> directly and report every partition here.
/// </summary>
public interface IEventBlocks
{
    /// <summary>Every block of every complete file.</summary>
    IReadOnlyList<BlockSummary> All();

    /// <summary>How many blocks the case stores (complete or not).</summary>
    int Count();

    IndexLookup WithHost(IEnumerable<string> hosts);

    IndexLookup WithParser(IEnumerable<string> parsers);

    IndexLookup OfFiles(IEnumerable<string> sha256s);

    /// <summary>Ids of blocks whose timeline-position range overlaps the window.</summary>
    IndexLookup InWindow(TimeWindow window);

    /// <summary>The blocks with the given ids, of complete files only.</summary>
    IReadOnlyList<BlockSummary> WithIds(IEnumerable<long> ids);

    IReadOnlyList<string> DistinctHosts();

    IReadOnlyList<string> DistinctParsers();

    /// <summary>Decodes one block; <paramref name="path"/> is its file's path (events carry it in their origin).</summary>
    List<EventRecord> Decode(BlockSummary block, string path);

    /// <summary>Paths of complete files by SHA-256.</summary>
    Dictionary<string, string> CompleteFiles();

    /// <summary>The field names stored in the case (for the query language's unknown-field check).</summary>
    IReadOnlySet<string> FieldNames();
}
