using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>
/// One case: the evidence files (chain of custody), their events, warnings and aggregates, and what
/// the later stages added (rule matches, chains, saved queries). Every stage — ingest, hunt, chain,
/// report, query, serve — works through this interface; the LiteDB file (<c>Timeline.Store.LiteDb</c>)
/// is one implementation, and a remote, distributed backend is meant to be another. So nothing here
/// loads "everything": events, warnings and matches stream, writes arrive in batches (a block of
/// events per <see cref="IEvidenceFileWriter"/> flush, all matches of a hunt as one stream), and
/// lookups take a bounded set of keys. Opened for writing, a store is exclusive; for reading, shared.
/// </summary>
public interface ICaseStore : IDisposable
{
    /// <summary>Where the case lives, as the user named it once resolved (a full file path for LiteDB).</summary>
    string Location { get; }

    bool Writable { get; }

    /// <summary>
    /// Whether a file on disk belongs to the store itself (the case file, its lock, its journal), so
    /// an ingest of the folder that holds the case does not read the case as evidence.
    /// </summary>
    bool Owns(string fullPath);

    EvidenceFile? FindFile(string sha256);

    /// <summary>
    /// Records another path under which the bytes of a stored evidence file were found (<see cref="EvidenceFile.OtherPaths"/>).
    /// Nothing happens when the file is not stored, or the path is its own or already listed.
    /// </summary>
    void AddPath(string sha256, string path);

    /// <summary>Every evidence file record (complete, incomplete and unrecognised), by path.</summary>
    IReadOnlyList<EvidenceFile> Files();

    /// <summary>
    /// Starts writing one evidence file: events and warnings are appended, and
    /// <see cref="IEvidenceFileWriter.Complete"/> makes them visible in one step. A file that was
    /// never completed (a crash) is hidden from readers and removed by the next writer, so the
    /// ingest can be re-run.
    /// </summary>
    IEvidenceFileWriter BeginFile(EvidenceFile file);

    /// <summary>Stored warnings with file and position, streamed, at most <paramref name="limit"/>.</summary>
    IEnumerable<StoredWarning> Warnings(int limit = int.MaxValue);

    /// <summary>The counts kept at ingest for one dimension (<see cref="AggregateDimensions"/>).</summary>
    IReadOnlyList<AggregateCount> AggregatesOf(string dimension);

    /// <summary>
    /// Events of complete files in timeline order (sort key, then file, then position) — or the
    /// reverse — restricted by the selection; streamed, never loaded whole.
    /// </summary>
    IEnumerable<EventRecord> Events(EventSelection selection);

    /// <summary>The event blocks and their summaries, for the query planner (choose blocks before decoding any).</summary>
    IEventBlocks Blocks { get; }

    IMatchStore Matches { get; }

    IChainStore Chains { get; }

    ISavedQueryStore Queries { get; }
}
