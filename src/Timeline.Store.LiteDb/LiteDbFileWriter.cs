using System.Collections.Concurrent;
using LiteDB;
using Timeline.Core.Events;

using Timeline.Core.Store;

namespace Timeline.Store.LiteDb;

/// <summary>
/// <see cref="IEvidenceFileWriter"/> over LiteDB: writes one evidence file into the case. The caller (the parse thread) adds events and warnings;
/// a second thread sorts, packs and compresses blocks and writes them in large transactions, so
/// parsing and storing use both cores. The file's record is marked complete, and its aggregates
/// merged, in the same transaction as its last block: a crash before that leaves an
/// <see cref="EvidenceState.Incomplete"/> file that is ignored by readers and removed on the next write.
/// </summary>
public sealed class LiteDbFileWriter : IEvidenceFileWriter
{
    /// <summary>Events per stored block.</summary>
    public const int BlockSize = 1024;
    /// <summary>Warnings stored individually per file; more are counted, and the count says so.</summary>
    public const int MaxStoredWarnings = 10_000;
    private const int BlocksPerTransaction = 64;

    private readonly LiteDbCaseStore _store;
    private readonly EvidenceFile _file;
    private readonly BlockingCollection<Work> _queue = new(boundedCapacity: 8);
    private readonly Thread _writer;
    private readonly DateTime _started = DateTime.UtcNow;
    private List<EventRecord> _events = new(BlockSize);
    private List<ParseWarning> _warnings = [];
    private long _warningCount;
    private Exception? _failure;
    private bool _completed;

    // Owned by the writer thread.
    private readonly AggregateCounter _aggregates = new();
    private readonly Dictionary<string, long> _byParser = new(StringComparer.Ordinal);
    private readonly Dictionary<TimeQuality, long> _byQuality = new();
    private long _eventCount;
    private long? _first;
    private long? _last;
    private long _storedWarnings;

    internal LiteDbFileWriter(LiteDbCaseStore store, EvidenceFile file)
    {
        _store = store;
        _file = file with { State = EvidenceState.Incomplete };
        store.FilesCollection.Upsert(EvidenceFileDocument.To(_file));
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "case-writer" };
        _writer.Start();
    }

    public long EventCount => Interlocked.Read(ref _eventCount);
    public long WarningCount => _warningCount;

    public void Add(EventRecord e)
    {
        _events.Add(e);
        if (_events.Count >= BlockSize) Flush();
    }

    public void Warn(ParseWarning warning)
    {
        _warningCount++;
        if (_warningCount <= MaxStoredWarnings) _warnings.Add(warning);
        if (_warnings.Count >= BlockSize) Flush();
    }

    /// <summary>Stores what is pending and marks the file complete. Returns the final record.</summary>
    public EvidenceFile Complete(string? hostNote = null)
    {
        Flush();
        var done = new TaskCompletionSource<EvidenceFile>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(new Work(null, null, done, hostNote));
        _queue.CompleteAdding();
        _writer.Join();
        ThrowIfFailed();
        _completed = true;
        return done.Task.Result;
    }

    private void Flush()
    {
        if (_events.Count == 0 && _warnings.Count == 0) return;
        Post(new Work(_events.Count > 0 ? _events : null, _warnings.Count > 0 ? _warnings : null, null, null));
        _events = new List<EventRecord>(BlockSize);
        _warnings = [];
    }

    private void Post(Work work)
    {
        ThrowIfFailed();
        try
        {
            _queue.Add(work);
        }
        catch (InvalidOperationException) when (_failure is not null)
        {
            ThrowIfFailed();
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } f) throw new CaseWriteException($"Writing to the case '{_store.Path}' failed: {f.Message}", f);
    }

    private void WriteLoop()
    {
        var db = _store.Db;
        var inTransaction = false;
        var blocksInTransaction = 0;
        try
        {
            foreach (var work in _queue.GetConsumingEnumerable())
            {
                if (!inTransaction) { db.BeginTrans(); inTransaction = true; }
                if (work.Events is { } events) { WriteBlock(events); blocksInTransaction++; }
                if (work.Warnings is { } warnings) WriteWarnings(warnings);
                if (work.Done is { } done)
                {
                    var final = Finish(work.HostNote);
                    db.Commit();
                    inTransaction = false;
                    done.SetResult(final);
                }
                else if (blocksInTransaction >= BlocksPerTransaction)
                {
                    db.Commit();
                    inTransaction = false;
                    blocksInTransaction = 0;
                }
            }
        }
        catch (Exception ex)
        {
            _failure = ex;
            if (inTransaction) { try { db.Rollback(); } catch (LiteException) { } }
            _queue.CompleteAdding();
            foreach (var pending in _queue.GetConsumingEnumerable()) pending.Done?.TrySetException(ex);
        }
        finally
        {
            if (inTransaction && _failure is null) db.Commit();
        }
    }

    private void WriteBlock(List<EventRecord> events)
    {
        foreach (var e in events)
        {
            _aggregates.Add(e);
            _byParser[e.Parser] = _byParser.GetValueOrDefault(e.Parser) + 1;
            _byQuality[e.TimeQuality] = _byQuality.GetValueOrDefault(e.TimeQuality) + 1;
            if (e.Ticks is { } t)
            {
                if (_first is null || t < _first) _first = t;
                if (_last is null || t > _last) _last = t;
            }
        }
        Interlocked.Add(ref _eventCount, events.Count);
        // Sorted inside the block so readers can merge blocks lazily in timeline order.
        events.Sort(TimelineOrder.Compare);
        long lo = long.MaxValue, hi = long.MinValue, pLo = long.MaxValue, pHi = long.MinValue;
        foreach (var e in events)
        {
            var key = TimelineOrder.KeyOf(e);
            lo = Math.Min(lo, key);
            hi = Math.Max(hi, key);
            pLo = Math.Min(pLo, e.Origin.Position);
            pHi = Math.Max(pHi, e.Origin.Position);
        }
        var id = _store.BlockData.Insert(new BsonDocument { ["d"] = EventBlockCodec.Encode(events) });
        var hosts = events.Select(e => e.Host).Distinct(StringComparer.Ordinal).ToList();
        var parsers = events.Select(e => e.Parser).Distinct(StringComparer.Ordinal).ToList();
        var info = new BsonDocument
        {
            ["_id"] = id,
            ["f"] = _file.Sha256,
            ["lo"] = lo,
            ["hi"] = hi,
            ["plo"] = pLo,
            ["phi"] = pHi,
            ["n"] = events.Count,
            // Distinct hosts and parsers of the block, so readers can skip blocks without decoding them.
            // Indexed under bounded keys (IndexKey); the full names go beside them when one was cut.
            ["h"] = new BsonArray(hosts.Select(h => new BsonValue(IndexKey.Of(h)))),
            ["p"] = new BsonArray(parsers.Select(p => new BsonValue(IndexKey.Of(p)))),
        };
        if (hosts.Any(IndexKey.IsBounded)) info["hx"] = new BsonArray(hosts.Select(h => new BsonValue(h)));
        if (parsers.Any(IndexKey.IsBounded)) info["px"] = new BsonArray(parsers.Select(p => new BsonValue(p)));
        _store.BlockInfo.Insert(info);
    }

    private void WriteWarnings(List<ParseWarning> warnings)
    {
        _storedWarnings += warnings.Count;
        _store.WarningsCollection.InsertBulk(warnings.Select(w => new BsonDocument
        {
            ["f"] = _file.Sha256,
            ["pos"] = w.Origin.Position,
            ["k"] = w.Origin.Kind == PositionKind.Record ? "record" : "line",
            ["m"] = w.Message,
            ["x"] = w.Excerpt,
        }));
    }

    private EvidenceFile Finish(string? hostNote)
    {
        if (_warningCount > _storedWarnings)
        {
            WriteWarnings([new ParseWarning(new Origin(_file.Path, _file.Sha256, 0), $"{_warningCount - _storedWarnings:N0} further warnings in this file were counted but not stored individually (limit {MaxStoredWarnings:N0} per file)")]);
        }
        foreach (var count in _aggregates.Counts)
        {
            var id = AggregateDocument.IdOf(count.Dimension, count.Value);
            _store.Aggregates.Upsert(AggregateDocument.Merge(_store.Aggregates.FindById(id), count));
        }
        var final = _file with
        {
            State = EvidenceState.Complete,
            Events = _eventCount,
            Warnings = _warningCount,
            EventsByParser = new Dictionary<string, long>(_byParser),
            EventsByTimeQuality = _byQuality.ToDictionary(kv => TimeQualityText.Format(kv.Key), kv => kv.Value),
            Parser = _byParser.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).FirstOrDefault() ?? _file.Format,
            FirstTicks = _first,
            LastTicks = _last,
            HostNote = hostNote ?? _file.HostNote,
            DurationMs = (long)(DateTime.UtcNow - _started).TotalMilliseconds,
        };
        _store.FilesCollection.Upsert(EvidenceFileDocument.To(final));
        return final;
    }

    /// <summary>Without <see cref="Complete"/> the file stays incomplete: hidden from readers, removed by the next writer.</summary>
    public void Dispose()
    {
        if (_completed) return;
        _queue.CompleteAdding();
        _writer.Join();
    }

    private sealed record Work(List<EventRecord>? Events, List<ParseWarning>? Warnings, TaskCompletionSource<EvidenceFile>? Done, string? HostNote);
}
