using LiteDB;
using Timeline.Core.Findings;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>
/// <see cref="IMatchStore"/> over LiteDB. Rule matches in the case: collection <c>matches</c> (one small document per match, indexed by
/// event id and rule id) plus the <c>rule</c> and <c>level</c> aggregates. A hunt replaces all
/// matches, so re-running it never duplicates them.
/// </summary>
public sealed class LiteDbMatchStore(LiteDbCaseStore store) : IMatchStore
{
    private const string Collection = "matches";

    public void Replace(IEnumerable<RuleMatch> matches)
    {
        if (!store.Writable) throw new InvalidOperationException("case opened read-only");
        var db = store.Db;
        var col = db.GetCollection(Collection, BsonAutoId.Int64);
        db.BeginTrans();
        col.DeleteAll();
        // Indexes first, maintained as documents arrive: building them after hundreds of thousands of
        // inserts in one transaction trips LiteDB's loop detection ("Detected loop in FindAll"),
        // whose bound is derived from the file size before the transaction grew it.
        col.EnsureIndex("e", "$.e");
        // A rule id comes from the rule file (an untrusted rule may carry a 10 kB id): the indexed
        // "r" is bounded by IndexKey, and the full id is kept in "rf" when the key had to be cut.
        col.EnsureIndex("r", "$.r");
        store.Aggregates.DeleteMany(Query.Or(Query.EQ("d", AggregateDimensions.Rule), Query.EQ("d", AggregateDimensions.Level)));
        var counts = new Dictionary<(string, string), long>();
        var batch = new List<BsonDocument>(4096);
        var seen = new HashSet<(string, string)>();
        foreach (var m in matches)
        {
            // A correlation can report the same event in two overlapping hits: one match per (event, rule).
            if (!seen.Add((m.EventId, m.RuleId))) continue;
            var doc = new BsonDocument
            {
                ["e"] = m.EventId,
                ["r"] = IndexKey.Of(m.RuleId),
                ["t"] = m.Title,
                ["l"] = m.Level,
                ["g"] = new BsonArray(m.Tags.Select(t => new BsonValue(t))),
                ["a"] = m.Author,
            };
            if (IndexKey.IsBounded(m.RuleId)) doc["rf"] = m.RuleId;
            batch.Add(doc);
            var rule = (AggregateDimensions.Rule, m.RuleId + "|" + m.Title);
            counts[rule] = counts.GetValueOrDefault(rule) + 1;
            var level = (AggregateDimensions.Level, m.Level);
            counts[level] = counts.GetValueOrDefault(level) + 1;
            if (batch.Count == batch.Capacity) { col.InsertBulk(batch); batch.Clear(); }
        }
        col.InsertBulk(batch);
        foreach (var ((dim, value), n) in counts)
            store.Aggregates.Upsert(AggregateDocument.Merge(null, new AggregateCount(dim, value.Length > 200 ? value[..200] : value, n, null, null)));
        db.Commit();
    }

    /// <summary>Every match, streamed from the collection in the order stored.</summary>
    public IEnumerable<RuleMatch> Read() =>
        store.Db.CollectionExists(Collection) ? store.Db.GetCollection(Collection).FindAll().Select(From) : [];

    /// <summary>The matches of a batch of events, through the <c>e</c> index.</summary>
    public IEnumerable<RuleMatch> OfEvents(IReadOnlyCollection<string> eventIds)
    {
        if (eventIds.Count == 0 || !store.Db.CollectionExists(Collection)) return [];
        var ids = new BsonArray(eventIds.Select(id => new BsonValue(id)));
        // In the order the hunt stored them (the _id sequence), as Read() yields them.
        return store.Db.GetCollection(Collection).Find(BsonExpression.Create("$.e IN @0", ids)).OrderBy(d => d["_id"].AsInt64).Select(From);
    }

    public long Count() =>
        store.Db.CollectionExists(Collection) ? store.Db.GetCollection(Collection).LongCount() : 0;

    private static RuleMatch From(BsonDocument d) => new(d["e"].AsString, d.TryGetValue("rf", out var full) ? full.AsString : d["r"].AsString, d["t"].AsString, d["l"].AsString,
        d["g"].AsArray.Select(v => v.AsString).ToList(), d["a"].AsString);
}
