namespace Timeline.Core.Store;

/// <summary>
/// Opens cases of one backend from a location string (<c>--case</c>): a file path for LiteDB; a
/// remote backend would accept its own scheme (e.g. <c>clickhouse://host/db</c>). The list of
/// backends lives in the pipeline library (<c>CaseStores</c>), which picks the first that accepts.
/// </summary>
public interface ICaseStoreFactory
{
    /// <summary>Whether this backend understands the location (it need not exist yet).</summary>
    bool Accepts(string location);

    /// <summary>Opens or creates a case for writing (exclusive), removing what an interrupted ingest left.</summary>
    ICaseStore OpenForWrite(string location);

    /// <summary>Opens an existing case read-only (shared).</summary>
    ICaseStore OpenForRead(string location);
}
