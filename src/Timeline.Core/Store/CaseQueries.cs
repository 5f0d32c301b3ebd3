using LiteDB;

namespace Timeline.Core.Store;

/// <summary>Saved queries of a case: collection <c>queries</c>, one document per name.</summary>
public static class CaseQueries
{
    private const string Collection = "queries";

    /// <summary>Saves a query, replacing one of the same name. Needs the case opened for writing.</summary>
    public static void Save(CaseStore store, SavedQuery query)
    {
        if (!store.Writable) throw new InvalidOperationException("case opened read-only");
        store.Db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = query.Name, ["q"] = query.Text, ["t"] = query.SavedTicks });
    }

    public static SavedQuery? Find(CaseStore store, string name) =>
        store.Db.CollectionExists(Collection) && store.Db.GetCollection(Collection).FindById(name) is { } d ? From(d) : null;

    public static IReadOnlyList<SavedQuery> All(CaseStore store) =>
        store.Db.CollectionExists(Collection)
            ? store.Db.GetCollection(Collection).FindAll().Select(From).OrderBy(q => q.Name, StringComparer.Ordinal).ToList()
            : [];

    private static SavedQuery From(BsonDocument d) => new(d["_id"].AsString, d["q"].AsString, d["t"].AsInt64);
}
