using System.Text.Json;
using System.Text.Json.Serialization;
using LiteDB;
using Timeline.Core.Findings;

namespace Timeline.Core.Store;

/// <summary>
/// Attack chains in the case: collection <c>chains</c>, one document per host holding the chain as
/// JSON (the same JSON <c>timeline chain --format json</c> prints). Building chains replaces them all.
/// </summary>
public static class CaseChains
{
    private const string Collection = "chains";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static void Replace(CaseStore store, IEnumerable<AttackChain> chains)
    {
        if (!store.Writable) throw new InvalidOperationException("case opened read-only");
        var col = store.Db.GetCollection(Collection);
        store.Db.BeginTrans();
        col.DeleteAll();
        foreach (var chain in chains) col.Insert(new BsonDocument { ["_id"] = chain.Host, ["json"] = System.Text.Json.JsonSerializer.Serialize(chain, Json) });
        store.Db.Commit();
    }

    public static IReadOnlyList<AttackChain> Load(CaseStore store)
    {
        if (!store.Db.CollectionExists(Collection)) return [];
        return store.Db.GetCollection(Collection).FindAll()
            .Select(d => System.Text.Json.JsonSerializer.Deserialize<AttackChain>(d["json"].AsString, Json)!)
            .OrderBy(c => c.Host, StringComparer.Ordinal).ToList();
    }

    /// <summary>The phase of every event that is a step of a chain (for the <c>phase</c> key of the event JSON).</summary>
    public static Dictionary<string, AttackPhase> PhaseByEvent(CaseStore store)
    {
        var result = new Dictionary<string, AttackPhase>(StringComparer.Ordinal);
        foreach (var chain in Load(store))
            foreach (var step in chain.Steps)
                result.TryAdd(step.EventId, step.Phase);
        return result;
    }
}
