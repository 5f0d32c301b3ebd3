using LiteDB;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary><see cref="ISavedQueryStore"/> over LiteDB. Saved queries of a case: collection <c>queries</c>, one document per name.</summary>
public sealed class LiteDbSavedQueries(LiteDbCaseStore store) : ISavedQueryStore
{
    private const string Collection = "queries";

    /// <summary>Saves a query, replacing one of the same name. Needs the case opened for writing.</summary>
    public void Save(SavedQuery query)
    {
        if (!store.Writable) throw new InvalidOperationException("case opened read-only");
        store.Db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = query.Name, ["q"] = query.Text, ["t"] = query.SavedTicks });
    }

    public SavedQuery? Find(string name) =>
        store.Db.CollectionExists(Collection) && store.Db.GetCollection(Collection).FindById(name) is { } d ? From(d) : null;

    public IReadOnlyList<SavedQuery> All() =>
        store.Db.CollectionExists(Collection)
            ? store.Db.GetCollection(Collection).FindAll().Select(From).OrderBy(q => q.Name, StringComparer.Ordinal).ToList()
            : [];

    private static SavedQuery From(BsonDocument d) => new(d["_id"].AsString, d["q"].AsString, d["t"].AsInt64);
}
