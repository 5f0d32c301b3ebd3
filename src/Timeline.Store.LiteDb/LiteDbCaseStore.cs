using LiteDB;
using Timeline.Core.Events;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>
/// The LiteDB implementation of <see cref="ICaseStore"/>. The case file: one LiteDB database holding the evidence files (chain of custody), events in
/// compressed blocks (<see cref="EventBlockCodec"/>), warnings and the aggregates maintained at
/// ingest, rule matches, chains and saved queries. Collections: <c>meta</c>, <c>files</c> (by SHA-256), <c>blockinfo</c> (per block: file,
/// time and position range, count — small, read whole), <c>blocks</c> (the packed events),
/// <c>warnings</c>, <c>aggregates</c>, <c>matches</c>, <c>chains</c>, <c>queries</c>. Open it with <see cref="OpenForWrite"/> (exclusive) or
/// <see cref="OpenForRead"/> (shared, read-only).
/// </summary>
public sealed class LiteDbCaseStore : ICaseStore
{
    internal const string FormatName = "timeline-case";
    internal const int FormatVersion = 1;

    private readonly CaseLock _lock;

    private LiteDbCaseStore(string path, LiteDatabase db, CaseLock caseLock, bool writable)
    {
        Path = path;
        Db = db;
        _lock = caseLock;
        Writable = writable;
        Blocks = new LiteDbEventBlocks(this);
        Matches = new LiteDbMatchStore(this);
        Chains = new LiteDbChainStore(this);
        Queries = new LiteDbSavedQueries(this);
    }

    /// <summary>The full path of the case file.</summary>
    public string Path { get; }
    public string Location => Path;
    public bool Writable { get; }
    public IEventBlocks Blocks { get; }
    public IMatchStore Matches { get; }
    public IChainStore Chains { get; }
    public ISavedQueryStore Queries { get; }
    internal LiteDatabase Db { get; }
    internal ILiteCollection<BsonDocument> FilesCollection => Db.GetCollection("files");
    internal ILiteCollection<BsonDocument> BlockInfo => Db.GetCollection("blockinfo");
    internal ILiteCollection<BsonDocument> BlockData => Db.GetCollection("blocks", BsonAutoId.Int64);
    internal ILiteCollection<BsonDocument> WarningsCollection => Db.GetCollection("warnings");
    internal ILiteCollection<BsonDocument> Aggregates => Db.GetCollection("aggregates");

    /// <summary>
    /// Opens or creates a case for writing. Takes the exclusive lock (throws <see cref="CaseBusyException"/>)
    /// and removes the partial events of any ingest that was interrupted.
    /// </summary>
    public static LiteDbCaseStore OpenForWrite(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        RefuseLink(path, full);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var caseLock = CaseLock.ForWriting(full);
        try
        {
            var existed = File.Exists(full) && new FileInfo(full).Length > 0;
            if (existed) RequireLiteDbSignature(full, forWrite: true);
            var db = Connect(full, readOnly: false);
            var store = new LiteDbCaseStore(full, db, caseLock, writable: true);
            if (existed) store.VerifyFormat();
            else store.Initialise();
            store.RemoveIncomplete();
            return store;
        }
        catch
        {
            caseLock.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing case read-only under a shared lock.</summary>
    public static LiteDbCaseStore OpenForRead(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        RefuseLink(path, full);
        if (!File.Exists(full)) throw new FileNotFoundException($"No case file at '{path}'. Create one with: timeline ingest EVIDENCE... --case {path}", full);
        var caseLock = CaseLock.ForReading(full);
        try
        {
            RequireLiteDbSignature(full, forWrite: false);
            var store = new LiteDbCaseStore(full, Connect(full, readOnly: true), caseLock, writable: false);
            store.VerifyFormat();
            return store;
        }
        catch
        {
            caseLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// LiteDB would format a file it does not recognise; a mistyped --case must never destroy
    /// evidence, so the header signature is checked before LiteDB touches the file.
    /// </summary>
    private static void RequireLiteDbSignature(string path, bool forWrite)
    {
        var signature = "** This is a LiteDB file **"u8;
        var head = new byte[32 + signature.Length];
        int got;
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) got = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (got == head.Length && head.AsSpan(32).SequenceEqual(signature)) return;
        throw new CaseFormatException(forWrite
            ? $"'{path}' exists and is not a Timeline case; refusing to write to it. Choose a new --case file name."
            : $"'{path}' is not a readable Timeline case (no LiteDB header).");
    }

    /// <summary>A case named through a symbolic link is refused with the file to name instead (<see cref="CasePathException"/>).</summary>
    private static void RefuseLink(string given, string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is not { } target) return;
        var resolved = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? target;
        throw new CasePathException($"'{given}' is a symbolic link (to '{resolved}'); a case is opened only by its own path, so its lock and journal sit beside it. Use --case {resolved}");
    }

    private static LiteDatabase Connect(string path, bool readOnly)
    {
        try
        {
            return new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = readOnly });
        }
        catch (LiteException ex)
        {
            throw new CaseFormatException($"'{path}' is not a readable Timeline case: {ex.Message}", ex);
        }
    }

    private void Initialise()
    {
        Db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "format", ["name"] = FormatName, ["version"] = FormatVersion, ["created"] = DateTime.UtcNow.Ticks });
        BlockInfo.EnsureIndex("f", "$.f");
        BlockInfo.EnsureIndex("lo", "$.lo");
        BlockInfo.EnsureIndex("h", "$.h[*]");
        BlockInfo.EnsureIndex("p", "$.p[*]");
        WarningsCollection.EnsureIndex("f", "$.f");
        Aggregates.EnsureIndex("d", "$.d");
    }

    private void VerifyFormat()
    {
        BsonDocument? meta;
        try
        {
            meta = Db.GetCollection("meta").FindById("format");
        }
        catch (LiteException ex)
        {
            throw new CaseFormatException($"'{Path}' is not a readable Timeline case: {ex.Message}", ex);
        }
        if (meta is null || meta["name"].AsString != FormatName)
            throw new CaseFormatException($"'{Path}' is a LiteDB file but not a Timeline case.");
        if (meta["version"].AsInt32 > FormatVersion)
            throw new CaseFormatException($"'{Path}' was written by a newer Timeline (case format {meta["version"].AsInt32}); upgrade this tool.");
    }

    /// <summary>Deletes what an interrupted ingest left, so the file can be ingested again from scratch.</summary>
    private void RemoveIncomplete()
    {
        foreach (var doc in FilesCollection.Find(Query.EQ("state", (int)EvidenceState.Incomplete)).ToList())
        {
            RemoveFileData(doc["_id"].AsString);
            FilesCollection.Delete(doc["_id"]);
        }
    }

    internal void RemoveFileData(string sha256)
    {
        foreach (var info in BlockInfo.Find(Query.EQ("f", sha256)).ToList()) BlockData.Delete(info["_id"]);
        BlockInfo.DeleteMany(Query.EQ("f", sha256));
        WarningsCollection.DeleteMany(Query.EQ("f", sha256));
    }

    public EvidenceFile? FindFile(string sha256) =>
        FilesCollection.FindById(sha256) is { } doc ? EvidenceFileDocument.From(doc) : null;

    public void AddPath(string sha256, string path)
    {
        if (!Writable) throw new InvalidOperationException("case opened read-only");
        if (FilesCollection.FindById(sha256) is not { } doc) return;
        var file = EvidenceFileDocument.From(doc);
        if (file.Path == path || file.OtherPaths.Contains(path, StringComparer.Ordinal)) return;
        var listed = file.OtherPaths.Count < EvidenceFile.MaxOtherPaths ? file.OtherPaths.Append(path).ToList() : file.OtherPaths;
        FilesCollection.Update(EvidenceFileDocument.To(file with { OtherPaths = listed, OtherPathCount = file.OtherPathCount + 1 }));
    }

    public IReadOnlyList<EvidenceFile> Files() =>
        FilesCollection.FindAll().Select(EvidenceFileDocument.From).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    /// <summary>The case file, its lock and LiteDB's journal (<c>&lt;name&gt;-log.db</c>).</summary>
    public bool Owns(string fullPath) =>
        fullPath == Path || fullPath == Path + ".lock" || fullPath == Path + "-log"
        || fullPath.StartsWith(System.IO.Path.ChangeExtension(Path, null) + "-log", StringComparison.Ordinal);

    /// <summary>Starts writing one evidence file. The file shows in queries only after <see cref="IEvidenceFileWriter.Complete"/>.</summary>
    public IEvidenceFileWriter BeginFile(EvidenceFile file)
    {
        if (!Writable) throw new InvalidOperationException("case opened read-only");
        return new LiteDbFileWriter(this, file);
    }

    /// <summary>
    /// Events of complete files in timeline order: the blockinfo indexes choose the blocks (host,
    /// parser, file, window), <see cref="TimelineMerge"/> decodes them lazily, and the selection's
    /// per-event restrictions drop what a chosen block holds besides.
    /// </summary>
    public IEnumerable<EventRecord> Events(EventSelection selection)
    {
        var blocks = selection.Blocks;
        if (blocks is null && (selection.Hosts is not null || selection.Parsers is not null || selection.Files is not null))
        {
            HashSet<long>? ids = null;
            void Narrow(IndexLookup found) { if (ids is null) ids = found.Ids; else ids.IntersectWith(found.Ids); }
            if (selection.Hosts is { } h) Narrow(Blocks.WithHost(h));
            if (selection.Parsers is { } p) Narrow(Blocks.WithParser(p));
            if (selection.Files is { } f) Narrow(Blocks.OfFiles(f));
            blocks = Blocks.WithIds(ids!);
        }
        var merged = new TimelineMerge(Blocks, blocks, selection.Window, selection.Descending).Read();
        if (selection.Hosts is null && selection.Parsers is null && selection.Files is null) return merged;
        return merged.Where(selection.Admits);
    }

    public IReadOnlyList<AggregateCount> AggregatesOf(string dimension) =>
        Aggregates.Find(Query.EQ("d", dimension)).Select(AggregateDocument.From).ToList();

    public IEnumerable<StoredWarning> Warnings(int limit = int.MaxValue)
    {
        var paths = FilesCollection.FindAll().ToDictionary(d => d["_id"].AsString, d => d["path"].AsString);
        return WarningsCollection.FindAll().Take(limit).Select(d => new StoredWarning(
            paths.GetValueOrDefault(d["f"].AsString, "?"), d["f"].AsString, d["pos"].AsInt64, d["k"].AsString, d["m"].AsString, d["x"].AsString));
    }

    public void Dispose()
    {
        Db.Dispose();
        _lock.Dispose();
    }
}
