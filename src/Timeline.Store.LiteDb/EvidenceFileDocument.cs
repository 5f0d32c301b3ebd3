using LiteDB;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>Maps <see cref="EvidenceFile"/> to and from its LiteDB document (short, stable keys).</summary>
internal static class EvidenceFileDocument
{
    public static BsonDocument To(EvidenceFile f) => new()
    {
        ["_id"] = f.Sha256,
        ["path"] = f.Path,
        ["paths"] = new BsonArray(f.OtherPaths.Select(p => new BsonValue(p))),
        ["pathCount"] = f.OtherPathCount,
        ["archive"] = f.ArchiveSha256 is { } a ? new BsonValue(a) : BsonValue.Null,
        ["hostPath"] = f.HostPath is { } h ? new BsonValue(h) : BsonValue.Null,
        ["size"] = f.Size,
        ["mtime"] = f.ModifiedTicks,
        ["gzmtime"] = f.GzipModifiedTicks is { } g ? new BsonValue(g) : BsonValue.Null,
        ["format"] = f.Format,
        ["parser"] = f.Parser,
        ["byParser"] = Counts(f.EventsByParser),
        ["byQuality"] = Counts(f.EventsByTimeQuality),
        ["events"] = f.Events,
        ["warnings"] = f.Warnings,
        ["lo"] = f.FirstTicks is { } lo ? new BsonValue(lo) : BsonValue.Null,
        ["hi"] = f.LastTicks is { } hi ? new BsonValue(hi) : BsonValue.Null,
        ["hostNote"] = f.HostNote,
        ["state"] = (int)f.State,
        ["ingested"] = f.IngestedTicks,
        ["ms"] = f.DurationMs,
    };

    public static EvidenceFile From(BsonDocument d) => new()
    {
        Sha256 = d["_id"].AsString,
        Path = d["path"].AsString,
        // Cases written before duplicate paths were recorded have neither key.
        OtherPaths = d.TryGetValue("paths", out var paths) && paths.IsArray ? paths.AsArray.Where(p => p.IsString).Select(p => p.AsString).ToList() : [],
        OtherPathCount = d.TryGetValue("pathCount", out var pathCount) && pathCount.IsNumber ? pathCount.AsInt64 : 0,
        // Cases written before archives were read have neither key.
        ArchiveSha256 = d.TryGetValue("archive", out var archive) && archive.IsString ? archive.AsString : null,
        HostPath = d.TryGetValue("hostPath", out var hostPath) && hostPath.IsString ? hostPath.AsString : null,
        Size = d["size"].AsInt64,
        ModifiedTicks = d["mtime"].AsInt64,
        GzipModifiedTicks = d["gzmtime"].IsNull ? null : d["gzmtime"].AsInt64,
        Format = d["format"].AsString,
        Parser = d["parser"].AsString,
        EventsByParser = Counts(d["byParser"].AsDocument),
        EventsByTimeQuality = Counts(d["byQuality"].AsDocument),
        Events = d["events"].AsInt64,
        Warnings = d["warnings"].AsInt64,
        FirstTicks = d["lo"].IsNull ? null : d["lo"].AsInt64,
        LastTicks = d["hi"].IsNull ? null : d["hi"].AsInt64,
        HostNote = d["hostNote"].AsString,
        State = (EvidenceState)d["state"].AsInt32,
        IngestedTicks = d["ingested"].AsInt64,
        DurationMs = d["ms"].AsInt64,
    };

    // Parser names contain '/', which LiteDB accepts in keys; values are counts.
    private static BsonDocument Counts(IReadOnlyDictionary<string, long> counts)
    {
        var doc = new BsonDocument();
        foreach (var (k, v) in counts) doc[k] = v;
        return doc;
    }

    private static Dictionary<string, long> Counts(BsonDocument doc) =>
        doc.ToDictionary(kv => kv.Key, kv => kv.Value.AsInt64, StringComparer.Ordinal);
}
