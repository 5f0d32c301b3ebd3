using LiteDB;
using Timeline.Core.Events;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>
/// <see cref="IEventBlocks"/> over LiteDB: the block summaries, answered from the <c>blockinfo</c> indexes
/// (<c>lo</c>, <c>h</c>, <c>p</c>, <c>f</c>) so a query can choose the blocks to decode before
/// decoding any. Only blocks of complete files are returned.
/// </summary>
public sealed class LiteDbEventBlocks(LiteDbCaseStore store) : IEventBlocks
{
    /// <summary>Every block of every complete file.</summary>
    public IReadOnlyList<BlockSummary> All() => Select(store.BlockInfo.FindAll());

    /// <summary>Blocks holding at least one of the hosts (multikey index <c>h</c>).</summary>
    public IndexLookup WithHost(IEnumerable<string> hosts) => Lookup("$.h[*] ANY IN @0", hosts, "hx");

    /// <summary>Blocks holding at least one of the parsers (multikey index <c>p</c>).</summary>
    public IndexLookup WithParser(IEnumerable<string> parsers) => Lookup("$.p[*] ANY IN @0", parsers, "px");

    /// <summary>Blocks of the given files (index <c>f</c>).</summary>
    public IndexLookup OfFiles(IEnumerable<string> sha256s) => Lookup("$.f IN @0", sha256s);

    /// <summary>
    /// Ids of blocks whose position range overlaps [from, to) (index <c>lo</c> for the upper bound,
    /// then the stored <c>hi</c>).
    /// </summary>
    public IndexLookup InWindow(TimeWindow window)
    {
        var query = store.BlockInfo.Query();
        if (window.To is { } to) query = query.Where(Query.LT("lo", to));
        var plan = PlanOf(query);
        var ids = query.ToEnumerable().Where(d => window.Overlaps(d["lo"].AsInt64, d["hi"].AsInt64)).Select(d => d["_id"].AsInt64).ToHashSet();
        return new IndexLookup(ids, plan + " + hi filter");
    }

    /// <summary>The blocks with the given ids (primary key seeks), of complete files only.</summary>
    public IReadOnlyList<BlockSummary> WithIds(IEnumerable<long> ids)
    {
        var list = new BsonArray(ids.Select(id => new BsonValue(id)));
        return list.Count == 0 ? [] : Select(store.BlockInfo.Find(BsonExpression.Create("$._id IN @0", list)));
    }

    /// <summary>How many blocks the case stores (complete or not; an interrupted ingest leaves few).</summary>
    public int Count() => store.BlockInfo.Count();

    /// <summary>
    /// The distinct hosts of the case, from the host aggregate (no block summary is read); the block
    /// summaries are read instead when an aggregate value was cut (names over 200 characters).
    /// </summary>
    public IReadOnlyList<string> DistinctHosts() => Distinct(AggregateDimensions.Host, "h");

    public IReadOnlyList<string> DistinctParsers() => Distinct(AggregateDimensions.Parser, "p");

    /// <summary>Decodes one block; the caller counts what it decodes.</summary>
    public List<EventRecord> Decode(BlockSummary block, string path)
    {
        var doc = store.BlockData.FindById(block.Id) ?? throw new CaseFormatException($"case '{store.Path}' is missing event block {block.Id}");
        return EventBlockCodec.Decode(doc["d"].AsBinary, path, block.File);
    }

    /// <summary>Paths of complete files by SHA-256.</summary>
    public Dictionary<string, string> CompleteFiles() =>
        store.FilesCollection.Find(Query.EQ("state", (int)EvidenceState.Complete))
            .ToDictionary(d => d["_id"].AsString, d => d["path"].AsString, StringComparer.Ordinal);

    /// <summary>
    /// The field names stored in the case: read from each block's string table (the start of the
    /// block, so only a few hundred bytes are inflated per block), without the host and parser names
    /// that share that table.
    /// </summary>
    public IReadOnlySet<string> FieldNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var notFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in All())
        {
            notFields.UnionWith(b.Hosts);
            notFields.UnionWith(b.Parsers);
            var doc = store.BlockData.FindById(b.Id);
            if (doc is not null) names.UnionWith(BlockStringTable.Read(doc["d"].AsBinary));
        }
        names.ExceptWith(notFields);
        return names;
    }

    private IndexLookup Lookup(string expression, IEnumerable<string> values, string? fullValues = null)
    {
        var wanted = values.Distinct(StringComparer.Ordinal).ToList();
        var list = new BsonArray(wanted.Select(v => new BsonValue(fullValues is null ? v : IndexKey.Of(v))));
        if (list.Count == 0) return new IndexLookup([], "no value to seek");
        if (fullValues is null || !wanted.Any(IndexKey.IsBounded))
        {
            var query = store.BlockInfo.Query().Where(BsonExpression.Create(expression, list)).Select("$._id");
            return new IndexLookup(query.ToEnumerable().Select(d => d["_id"].AsInt64).ToHashSet(), PlanOf(query));
        }
        // A value over the index key bound: seek its bounded key, then check the full names stored beside it.
        var seek = store.BlockInfo.Query().Where(BsonExpression.Create(expression, list));
        var set = wanted.ToHashSet(StringComparer.Ordinal);
        var ids = seek.ToEnumerable()
            .Where(d => (d[fullValues].IsArray ? d[fullValues].AsArray : d[fullValues == "hx" ? "h" : "p"].AsArray).Any(v => set.Contains(v.AsString)))
            .Select(d => d["_id"].AsInt64).ToHashSet();
        return new IndexLookup(ids, PlanOf(seek) + " + full-value check");
    }

    /// <summary>LiteDB's own account of how it runs the lookup, e.g. <c>INDEX SEEK(h IN ["web01"])</c>.</summary>
    private static string PlanOf<T>(ILiteQueryableResult<T> query)
    {
        var index = query.GetPlan()["index"];
        return index.IsDocument && index["mode"].IsString ? index["mode"].AsString : "?";
    }

    private IReadOnlyList<string> Distinct(string dimension, string key)
    {
        var values = store.AggregatesOf(dimension).Select(a => a.Value).ToList();
        if (values.All(v => v.Length <= 200))
            return values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return store.BlockInfo.FindAll()
            .SelectMany(d => d[d[key + "x"].IsArray ? key + "x" : key].AsArray).Select(v => v.AsString).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private List<BlockSummary> Select(IEnumerable<BsonDocument> docs)
    {
        var complete = store.FilesCollection.Find(Query.EQ("state", (int)EvidenceState.Complete)).Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
        return docs.Where(d => complete.Contains(d["f"].AsString)).Select(From).ToList();
    }

    private static BlockSummary From(BsonDocument d) => new(
        d["_id"].AsInt64, d["f"].AsString, d["lo"].AsInt64, d["hi"].AsInt64, d["plo"].AsInt64, d["phi"].AsInt64, d["n"].AsInt32,
        d[d["hx"].IsArray ? "hx" : "h"].AsArray.Select(v => v.AsString).ToArray(), d[d["px"].IsArray ? "px" : "p"].AsArray.Select(v => v.AsString).ToArray());
}
