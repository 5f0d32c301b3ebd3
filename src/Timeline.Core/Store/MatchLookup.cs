using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Core.Store;

/// <summary>
/// Answers "which rules matched this event?" without loading every match of a case. When the hunt
/// stored few matches (at most <see cref="ResidentLimit"/>) they are read once into memory — the
/// common case, and the fastest. Otherwise an event stream is joined batch by batch
/// (<see cref="Join"/>: the matches of the next <see cref="BatchSize"/> events are looked up in one
/// call before they are yielded), and a lone event is looked up on its own. Memory stays bounded
/// either way, and a remote backend answers each batch with one round trip.
/// </summary>
public sealed class MatchLookup : IRuleMatchLookup
{
    /// <summary>Matches kept in memory at most (~200 B each).</summary>
    public const int ResidentLimit = 250_000;
    public const int BatchSize = 1024;

    private static readonly IReadOnlyList<RuleMatch> None = [];
    private readonly IMatchStore _store;
    private readonly Dictionary<string, List<RuleMatch>>? _resident;
    private readonly HashSet<string> _batchIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RuleMatch>> _batch = new(StringComparer.Ordinal);

    public MatchLookup(IMatchStore store, int residentLimit = ResidentLimit)
    {
        _store = store;
        var count = store.Count();
        IsEmpty = count == 0;
        if (count <= residentLimit)
        {
            _resident = new Dictionary<string, List<RuleMatch>>(StringComparer.Ordinal);
            Collect(store.Read(), _resident);
        }
    }

    /// <summary>
    /// The matches of a bounded set of events (a chain's steps, a page of results), fetched in
    /// batches of <see cref="BatchSize"/> ids.
    /// </summary>
    public static RuleMatchesByEvent ForEvents(IMatchStore store, IEnumerable<string> eventIds) =>
        new(eventIds.Distinct(StringComparer.Ordinal).Chunk(BatchSize).SelectMany(batch => store.OfEvents(batch)));

    /// <summary>True when the case holds no match at all (callers can skip the lookups).</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// The rules that matched the event. Safe from several threads when the matches are resident;
    /// otherwise answered from the current <see cref="Join"/> batch or by a lookup of its own.
    /// </summary>
    public IReadOnlyList<RuleMatch> Of(string eventId)
    {
        if (IsEmpty) return None;
        if (_resident is not null) return _resident.TryGetValue(eventId, out var r) ? r : None;
        if (_batchIds.Contains(eventId)) return _batch.TryGetValue(eventId, out var b) ? b : None;
        var one = _store.OfEvents([eventId]).ToList();
        return one.Count == 0 ? None : one;
    }

    /// <summary>
    /// Passes the events through unchanged, looking up the matches of each batch before yielding it,
    /// so <see cref="Of"/> answers from memory for every event of the stream.
    /// </summary>
    public IEnumerable<EventRecord> Join(IEnumerable<EventRecord> events)
    {
        if (IsEmpty || _resident is not null)
        {
            foreach (var e in events) yield return e;
            yield break;
        }
        var buffer = new List<EventRecord>(BatchSize);
        foreach (var e in events)
        {
            buffer.Add(e);
            if (buffer.Count < BatchSize) continue;
            Load(buffer);
            foreach (var x in buffer) yield return x;
            buffer.Clear();
        }
        Load(buffer);
        foreach (var x in buffer) yield return x;
    }

    private void Load(List<EventRecord> events)
    {
        _batchIds.Clear();
        _batch.Clear();
        foreach (var e in events) _batchIds.Add(e.Id);
        if (_batchIds.Count > 0) Collect(_store.OfEvents(_batchIds), _batch);
    }

    private static void Collect(IEnumerable<RuleMatch> matches, Dictionary<string, List<RuleMatch>> into)
    {
        foreach (var m in matches)
        {
            if (!into.TryGetValue(m.EventId, out var list)) into[m.EventId] = list = [];
            list.Add(m);
        }
    }
}
