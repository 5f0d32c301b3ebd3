using Timeline.Core.Store;
using Timeline.Store.LiteDb;

namespace Timeline.Pipeline;

/// <summary>
/// The store backends, in the one list that knows them: a case location (<c>--case</c>) goes to the
/// first backend that accepts it. Today a file path opens a LiteDB case; adding a backend (a
/// ClickHouse cluster) is one project implementing <see cref="ICaseStoreFactory"/> plus a line here.
/// </summary>
public static class CaseStores
{
    public static readonly IReadOnlyList<ICaseStoreFactory> Backends = [new LiteDbCaseStoreFactory()];

    /// <summary>Opens or creates a case for writing (exclusive).</summary>
    public static ICaseStore OpenForWrite(string location) => BackendFor(location).OpenForWrite(location);

    /// <summary>Opens an existing case read-only (shared).</summary>
    public static ICaseStore OpenForRead(string location) => BackendFor(location).OpenForRead(location);

    private static ICaseStoreFactory BackendFor(string location) =>
        Backends.FirstOrDefault(b => b.Accepts(location))
        ?? throw new CaseFormatException($"No case backend understands the location '{location}'.");
}
