using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Vocabulary;

namespace Timeline.Detection.Chain;

/// <summary>
/// The live state of one host as the collector's command outputs gave it (<c>live/*</c> parsers): one
/// merged row per PID (ps, top and proc rows of the same PID complete each other), the connections with
/// a peer, and the executables lsof or proc show as deleted. Rows are kept as they stream past and read
/// once the pass is over (<see cref="LiveMinerFinder"/>): a connection may come before its process row.
/// Bounded by <see cref="ChainOptions.MaxLiveRows"/>; rows past the bound are counted, not kept.
/// </summary>
public sealed class LiveSnapshot(int maxRows)
{
    private readonly Dictionary<int, LiveProcessRow> _processes = [];
    private readonly List<LiveConnectionRow> _connections = [];
    private readonly Dictionary<int, (string Path, string EventId)> _deleted = [];
    private readonly List<EventRecord> _logins = [];
    private readonly Dictionary<int, string> _exes = [];
    private readonly Dictionary<string, IReadOnlyList<RuleMatch>> _ruleHits = new(StringComparer.Ordinal);
    private int _rows;

    /// <summary>True once any live-state row of this host was seen.</summary>
    public bool Any { get; private set; }
    /// <summary>The latest collection time of the rows (their snapshot time), and how it is known.</summary>
    public long? CollectedAtTicks { get; private set; }
    public TimeQuality CollectedAtQuality { get; private set; } = TimeQuality.Snapshot;
    /// <summary>Rows past <see cref="ChainOptions.MaxLiveRows"/>, not kept.</summary>
    public int Dropped { get; private set; }

    public IReadOnlyDictionary<int, LiveProcessRow> Processes => _processes;
    public IReadOnlyList<LiveConnectionRow> Connections => _connections;
    /// <summary>PID → the deleted file lsof lists as its program text, or proc as its exe.</summary>
    public IReadOnlyDictionary<int, (string Path, string EventId)> DeletedExecutables => _deleted;

    /// <summary>Notes the snapshot time of a live row.</summary>
    public void Saw(EventRecord e)
    {
        Any = true;
        if (e.Ticks is not { } t || (e.TimeQuality & TimeQuality.Snapshot) == 0) return;
        if (CollectedAtTicks is null || t > CollectedAtTicks)
        {
            CollectedAtTicks = t;
            CollectedAtQuality = e.TimeQuality;
        }
    }

    /// <summary>Adds or completes the row of the event's PID (ps, top, proc). Rows without a numeric PID are ignored.</summary>
    public void Process(EventRecord e)
    {
        if (Pid(e.Fields.Get(FieldNames.Pid)) is not { } pid) return;
        if (!_processes.TryGetValue(pid, out var row))
        {
            if (!Room()) return;
            _processes[pid] = row = new LiveProcessRow(pid, e);
            if (_exes.Remove(pid, out var exe)) row.Executable(exe);
        }
        row.Merge(e);
    }

    /// <summary>Keeps a connection with a peer (ss, netstat, lsof).</summary>
    public void Connection(EventRecord e)
    {
        var f = e.Fields;
        if (f.Get(FieldNames.RemoteIp) is not { Length: > 0 } ip || f.Get(FieldNames.RemotePort) is not { Length: > 0 } port) return;
        if (!Room()) return;
        _connections.Add(new LiveConnectionRow(Pid(f.Get(FieldNames.Pid)), f.Get(FieldNames.Process), ip, port, f.Get(FieldNames.State), e.Id, e.Ticks, e.TimeQuality, e.Origin, e.Parser));
    }

    /// <summary>Rule matches on live rows by event id: they join the row's process once it is judged.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RuleMatch>> RuleHits => _ruleHits;

    /// <summary>Keeps the rule matches of a live row (Sigma process-creation and network rules apply to ps and ss rows).</summary>
    public void Matched(string eventId, IReadOnlyList<RuleMatch> matches)
    {
        if (_ruleHits.ContainsKey(eventId) || !Room()) return;
        _ruleHits[eventId] = matches;
    }

    /// <summary>Rows of <c>last</c>/<c>lastb</c> (logins and failed logins at their own times), in stream order.</summary>
    public IReadOnlyList<EventRecord> Logins => _logins;

    /// <summary>Keeps a <c>last</c>/<c>lastb</c> row for the logon evidence (read once the pass is over).</summary>
    public void Login(EventRecord e)
    {
        if (!Room()) return;
        _logins.Add(e);
    }

    /// <summary>Completes the PID's row with its executable (lsof's program text) when it has a row.</summary>
    public void Executable(int pid, string exe)
    {
        if (_processes.TryGetValue(pid, out var row)) row.Executable(exe);
        else if (!_exes.ContainsKey(pid) && Room()) _exes[pid] = exe;
    }

    /// <summary>Keeps an open file that is a deleted program of its PID.</summary>
    public void DeletedExecutable(int pid, string path, string eventId)
    {
        if (_deleted.ContainsKey(pid) || !Room()) return;
        _deleted[pid] = (path, eventId);
    }

    private bool Room()
    {
        if (_rows >= maxRows)
        {
            Dropped++;
            return false;
        }
        _rows++;
        return true;
    }

    /// <summary>A PID as the tools print it (decimal, positive); anything else is not one.</summary>
    public static int? Pid(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
}
