using LiteDB;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>Maps <see cref="AggregateCount"/> to its document; the id is dimension + U+001F + value.</summary>
internal static class AggregateDocument
{
    public static string IdOf(string dimension, string value) => dimension + "\u001f" + value;

    public static AggregateCount From(BsonDocument d) => new(
        d["d"].AsString, d["v"].AsString, d["n"].AsInt64,
        d["lo"].IsNull ? null : d["lo"].AsInt64,
        d["hi"].IsNull ? null : d["hi"].AsInt64);

    /// <summary>Adds a file's counts into the case-wide document.</summary>
    public static BsonDocument Merge(BsonDocument? existing, AggregateCount add)
    {
        var n = add.Count;
        long? lo = add.FirstTicks, hi = add.LastTicks;
        if (existing is not null)
        {
            var old = From(existing);
            n += old.Count;
            lo = Min(lo, old.FirstTicks);
            hi = Max(hi, old.LastTicks);
        }
        return new BsonDocument
        {
            ["_id"] = IdOf(add.Dimension, add.Value),
            ["d"] = add.Dimension,
            ["v"] = add.Value,
            ["n"] = n,
            ["lo"] = lo is { } l ? new BsonValue(l) : BsonValue.Null,
            ["hi"] = hi is { } h ? new BsonValue(h) : BsonValue.Null,
        };
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
