using LiteDB;
using Timeline.Core.Findings;

namespace Timeline.Core.Store;

/// <summary>
/// Rule matches in the case: collection <c>matches</c> (one small document per match, indexed by
/// event id and rule id) plus the <c>rule</c> and <c>level</c> aggregates. A hunt replaces all
/// matches, so re-running it never duplicates them.
/// </summary>
public static class CaseMatches
{
    private const string Collection = "matches";

    public static void Replace(CaseStore store, IEnumerable<RuleMatch> matches)
    {
        if (!store.Writable) throw new InvalidOperationException("case opened read-only");
        var db = store.Db;
        var col = db.GetCollection(Collection, BsonAutoId.Int64);
        db.BeginTrans();
        col.DeleteAll();
        store.Aggregates.DeleteMany(Query.Or(Query.EQ("d", AggregateDimensions.Rule), Query.EQ("d", AggregateDimensions.Level)));
        var counts = new Dictionary<(string, string), long>();
        var batch = new List<BsonDocument>(4096);
        var seen = new HashSet<(string, string)>();
        foreach (var m in matches)
        {
            // A correlation can report the same event in two overlapping hits: one match per (event, rule).
            if (!seen.Add((m.EventId, m.RuleId))) continue;
            batch.Add(new BsonDocument
            {
                ["e"] = m.EventId,
                ["r"] = m.RuleId,
                ["t"] = m.Title,
                ["l"] = m.Level,
                ["g"] = new BsonArray(m.Tags.Select(t => new BsonValue(t))),
                ["a"] = m.Author,
            });
            var rule = (AggregateDimensions.Rule, m.RuleId + "|" + m.Title);
            counts[rule] = counts.GetValueOrDefault(rule) + 1;
            var level = (AggregateDimensions.Level, m.Level);
            counts[level] = counts.GetValueOrDefault(level) + 1;
            if (batch.Count == batch.Capacity) { col.InsertBulk(batch); batch.Clear(); }
        }
        col.InsertBulk(batch);
        foreach (var ((dim, value), n) in counts)
            store.Aggregates.Upsert(AggregateDocument.Merge(null, new AggregateCount(dim, value.Length > 200 ? value[..200] : value, n, null, null)));
        col.EnsureIndex("e", "$.e");
        col.EnsureIndex("r", "$.r");
        db.Commit();
    }

    /// <summary>All matches keyed by event id (matches are few next to events, so this stays small).</summary>
    public static Dictionary<string, List<RuleMatch>> ByEvent(CaseStore store)
    {
        var result = new Dictionary<string, List<RuleMatch>>(StringComparer.Ordinal);
        if (!store.Db.CollectionExists(Collection)) return result;
        foreach (var d in store.Db.GetCollection(Collection).FindAll())
        {
            var m = new RuleMatch(d["e"].AsString, d["r"].AsString, d["t"].AsString, d["l"].AsString,
                d["g"].AsArray.Select(v => v.AsString).ToList(), d["a"].AsString);
            if (!result.TryGetValue(m.EventId, out var list)) result[m.EventId] = list = [];
            list.Add(m);
        }
        return result;
    }

    public static long Count(CaseStore store) =>
        store.Db.CollectionExists(Collection) ? store.Db.GetCollection(Collection).LongCount() : 0;
}
