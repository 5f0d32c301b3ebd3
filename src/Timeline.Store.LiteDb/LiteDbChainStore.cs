using System.Text.Json;
using System.Text.Json.Serialization;
using LiteDB;
using Timeline.Core.Findings;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>
/// <see cref="IChainStore"/> over LiteDB. Attack chains in the case: collection <c>chains</c>, one document per host holding the chain as
/// JSON (the same JSON <c>timeline chain --format json</c> prints). Building chains replaces them all.
/// </summary>
public sealed class LiteDbChainStore(LiteDbCaseStore store) : IChainStore
{
    private const string Collection = "chains";

    // The storage spelling of a chain (camelCase records, enums as names); not the public contract.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public void Replace(IEnumerable<AttackChain> chains)
    {
        if (!store.Writable) throw new InvalidOperationException("case opened read-only");
        var col = store.Db.GetCollection(Collection);
        store.Db.BeginTrans();
        col.DeleteAll();
        foreach (var chain in chains) col.Insert(new BsonDocument { ["_id"] = chain.Host, ["json"] = System.Text.Json.JsonSerializer.Serialize(chain, Json) });
        store.Db.Commit();
    }

    public IReadOnlyList<AttackChain> Load()
    {
        if (!store.Db.CollectionExists(Collection)) return [];
        return store.Db.GetCollection(Collection).FindAll()
            .Select(d => System.Text.Json.JsonSerializer.Deserialize<AttackChain>(d["json"].AsString, Json)!)
            .OrderBy(c => c.Host, StringComparer.Ordinal).ToList();
    }
}
