using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>Opens LiteDB case files: any location that is not a URI with a scheme is a file path.</summary>
public sealed class LiteDbCaseStoreFactory : ICaseStoreFactory
{
    public bool Accepts(string location) => !location.Contains("://", StringComparison.Ordinal);

    public ICaseStore OpenForWrite(string location) => LiteDbCaseStore.OpenForWrite(location);

    public ICaseStore OpenForRead(string location) => LiteDbCaseStore.OpenForRead(location);
}
