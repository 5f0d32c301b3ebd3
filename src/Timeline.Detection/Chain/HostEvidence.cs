using Timeline.Core.Vocabulary;
using Timeline.Core.Events;

namespace Timeline.Detection.Chain;

/// <summary>
/// What the builder keeps about one host while events stream past: tallies of failed logons per
/// source, the logons worth remembering, the flagged events, persistence file entries, history
/// coverage and log silences. Nothing here grows with ordinary events: plain logons are kept in a
/// bounded ring, repeated signals fold, and tallies are per source. The analytics record through
/// its methods; everything else reads read-only views.
/// </summary>
public sealed class HostEvidence(string host, ChainOptions options)
{
    private readonly Dictionary<string, Signal> _signalsByKey = new(StringComparer.Ordinal);
    private readonly Queue<Login> _plainLogins = new();
    private readonly Dictionary<string, (long Last, string File)> _lastByFile = new(StringComparer.Ordinal);

    public string Host { get; } = host;
    public ChainOptions Options { get; } = options;
    public long? FirstTicks { get; private set; }
    public long? LastTicks { get; private set; }
    public long Events { get; private set; }
    private readonly Dictionary<string, SourceTally> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _keysSeen = new(StringComparer.Ordinal);
    private readonly List<Login> _remarkableLogins = [];
    private readonly Dictionary<string, Login> _openSessions = new(StringComparer.Ordinal);
    private readonly List<Signal> _signals = [];
    private readonly List<Signal> _authorizedKeys = [];
    private readonly List<Signal> _crontabEntries = [];
    private readonly Dictionary<string, List<long>> _historyTimes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _historyFiles = new(StringComparer.Ordinal);
    private readonly List<(string File, long From, long To)> _silences = [];
    private readonly Queue<long> _crontabEdits = new();
    private long? _lastChurnTicks;
    private readonly Dictionary<string, (string EventId, long? Ticks, string How)> _ownAddresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sidNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Signal> _unitExecs = [];
    private readonly FailedLogonPairing _failurePairing = new();

    /// <summary>At most this many own addresses are kept per host (a host has few; a flood of lease lines must not grow memory).</summary>
    private const int MaxOwnAddresses = 64;
    /// <summary>At most this many timed history commands per user.</summary>
    private const int MaxHistoryTimes = 100_000;

    /// <summary>Logon attempts per source (IP address, or <c>workstation:NAME</c> for Windows).</summary>
    public IReadOnlyDictionary<string, SourceTally> Sources => _sources;
    /// <summary>First time each (user, key fingerprint) logged in.</summary>
    public IReadOnlyDictionary<string, long> KeysSeen => _keysSeen;
    /// <summary>Logons worth remembering (new key, new source, after failures…); ordinary ones live in a bounded ring.</summary>
    public IReadOnlyList<Login> RemarkableLogins => _remarkableLogins;
    public IReadOnlyList<Signal> Signals => _signals;
    /// <summary>Entries of authorized_keys files: (user, fingerprint, comment, event).</summary>
    public IReadOnlyList<Signal> AuthorizedKeys => _authorizedKeys;
    /// <summary>Entries of crontab files (user and system tables).</summary>
    public IReadOnlyList<Signal> CrontabEntries => _crontabEntries;
    /// <summary><c>Exec*=</c> lines of systemd units (strong or not), so a running miner can be traced to the unit that restarts it.</summary>
    public IReadOnlyList<Signal> UnitExecs => _unitExecs;
    /// <summary>What the collector saw running (<c>live/*</c> rows), judged once the pass is over.</summary>
    public LiveSnapshot Live { get; } = new(options.MaxLiveRows);
    /// <summary>The processes of <see cref="Live"/> worth listing (set once the pass is over).</summary>
    public IReadOnlyList<LiveSuspect> LiveSuspects { get; set; } = [];
    /// <summary>Timed history commands of a user (ticks), for "session without history"; null when none.</summary>
    public IReadOnlyList<long>? HistoryTimesOf(string user) => _historyTimes.GetValueOrDefault(user);
    /// <summary>The history file of each user.</summary>
    public IReadOnlyDictionary<string, string> HistoryFiles => _historyFiles;
    /// <summary>Stretches with no event in a file that logged before and after.</summary>
    public IReadOnlyList<(string File, long From, long To)> Silences => _silences;
    /// <summary>Addresses the host's own evidence states as its own (DHCP lease, listening address…), with the first event saying so.</summary>
    public IReadOnlyDictionary<string, (string EventId, long? Ticks, string How)> OwnAddresses => _ownAddresses;

    /// <summary>The tally of a logon source, created at its first sight.</summary>
    public SourceTally Source(string key, long firstSeenTicks)
    {
        if (!_sources.TryGetValue(key, out var tally)) _sources[key] = tally = new SourceTally { FirstSeenTicks = firstSeenTicks };
        return tally;
    }

    /// <summary>
    /// Counts a failed logon from <paramref name="source"/> unless the other kind of evidence already counted the
    /// same attempt (sshd's "Failed password" line and its btmp record: <see cref="FailedLogonPairing"/>).
    /// </summary>
    public void Fail(string source, long? ticks, string? user, FailureEvidence evidence)
    {
        var tally = Source(source, ticks ?? 0);
        if (_failurePairing.IsNew(evidence, source, user, ticks)) tally.Fail(ticks, user);
    }

    /// <summary>Programs the audit log saw executed, by PID (parent links).</summary>
    public ProcessTable Processes { get; } = new();

    /// <summary>At most this many uid names and session ids are kept per host.</summary>
    private const int MaxNames = 4096;
    private readonly Dictionary<string, string> _uidNames = new(StringComparer.Ordinal) { ["0"] = "root" };
    private readonly Dictionary<string, Login> _sessionsById = new(StringComparer.Ordinal);

    /// <summary>Names a numeric uid (PAM's "user(uid=N)", an audit login's acct with its auid, an ENRICHED AUID); the first name counts. uid 0 is root.</summary>
    public void NameUid(string uid, string name)
    {
        if (_uidNames.Count < MaxNames && name.Length > 0) _uidNames.TryAdd(uid, name);
    }

    /// <summary>The name seen with a numeric uid, or null.</summary>
    public string? UidName(string uid) => _uidNames.GetValueOrDefault(uid);

    /// <summary>Ties a login session id (logind's "New session N", audit's <c>ses</c>) to the logon that opened it.</summary>
    public void NameSession(string id, Login login)
    {
        if (_sessionsById.Count >= MaxNames) _sessionsById.Clear();
        _sessionsById[id] = login;
    }

    /// <summary>The logon of a session id, or null.</summary>
    public Login? SessionLogin(string id) => _sessionsById.GetValueOrDefault(id);

    /// <summary>Forgets kept signals that better ones tell (history lines of audited executions), in one pass.</summary>
    public void Drop(IReadOnlyCollection<Signal> signals)
    {
        if (signals.Count == 0) return;
        var dropped = new HashSet<Signal>(signals, ReferenceEqualityComparer.Instance);
        _signals.RemoveAll(dropped.Contains);
        foreach (var key in _signalsByKey.Where(p => dropped.Contains(p.Value)).Select(p => p.Key).ToList()) _signalsByKey.Remove(key);
        foreach (var s in dropped) s.Kept = false;
    }

    /// <summary>The login records (wtmp/wtmpdb) and sshd's logins side by side, cross-checked after the pass.</summary>
    public LoginTrail Trail { get; } = new();

    /// <summary>Records a key logon (<c>user|fingerprint</c>); the first time counts.</summary>
    public void SawKey(string userAndFingerprint, long ticks) => _keysSeen.TryAdd(userAndFingerprint, ticks);

    /// <summary>Records an address the host says is its own; the first event saying so counts.</summary>
    public void SawOwnAddress(string ip, string eventId, long? ticks, string how)
    {
        if (_ownAddresses.Count < MaxOwnAddresses) _ownAddresses.TryAdd(ip, (eventId, ticks, how));
    }

    /// <summary>Records a shell history line of a user: the file, and the time when the line carried an exact one.</summary>
    public void SawHistory(string user, string file, long? exactTicks)
    {
        _historyFiles.TryAdd(user, file);
        if (exactTicks is not { } t) return;
        if (!_historyTimes.TryGetValue(user, out var list)) _historyTimes[user] = list = [];
        if (list.Count < MaxHistoryTimes) list.Add(t);
    }

    /// <summary>Keeps an authorized_keys entry (they are linked to key logons later, not stepped on their own).</summary>
    public void KeepAuthorizedKey(Signal key) => _authorizedKeys.Add(key);

    /// <summary>Keeps a crontab file entry (linked to the cron runs of its command later).</summary>
    public void KeepCrontabEntry(Signal entry) => _crontabEntries.Add(entry);

    /// <summary>Keeps a systemd unit's command line (at most <see cref="ChainOptions.MaxPlainLogins"/>; a host has few units).</summary>
    public void KeepUnitExec(Signal exec)
    {
        if (_unitExecs.Count < Options.MaxPlainLogins) _unitExecs.Add(exec);
    }

    /// <summary>Names a Windows account SID (4624 target, 4688 subject), to name the user of events that carry only a SID (4104 <c>UserID</c>).</summary>
    public void NameSid(string sid, string name) => _sidNames.TryAdd(sid, name);

    /// <summary>The name seen with a SID, or null.</summary>
    public string? SidName(string sid) => _sidNames.GetValueOrDefault(sid);

    /// <summary>The open logon session with this key (<c>sshd:PID</c>), or null.</summary>
    public Login? OpenSession(string key) => _openSessions.GetValueOrDefault(key);

    /// <summary>
    /// Records a crontab LIST/REPLACE at <paramref name="ticks"/> and says whether it completes a burst
    /// (<see cref="ChainOptions.ChurnMinEdits"/> within <see cref="ChainOptions.ChurnWindow"/>, at most one
    /// burst a minute); <paramref name="edits"/> is the number of edits in the window.
    /// </summary>
    public bool CrontabEdit(long ticks, out int edits)
    {
        _crontabEdits.Enqueue(ticks);
        while (_crontabEdits.Count > 0 && ticks - _crontabEdits.Peek() > Options.ChurnWindow.Ticks) _crontabEdits.Dequeue();
        edits = _crontabEdits.Count;
        if (edits < Options.ChurnMinEdits) return false;
        if (_lastChurnTicks is { } last && ticks - last < TimeSpan.TicksPerMinute) return false;
        _lastChurnTicks = ticks;
        return true;
    }

    /// <summary>The logon added last (so rule matches on that event attach to it).</summary>
    public Login? LastLogin { get; private set; }

    public IEnumerable<Login> Logins => _remarkableLogins.Concat(_plainLogins).OrderBy(l => l.Ticks);

    public void Saw(EventRecord e)
    {
        Events++;
        // A snapshot's time is when the collector ran, not when anything happened: it neither starts the
        // host's logging (baseline) nor closes a silence.
        if (e.Ticks is not { } t || (e.TimeQuality & (TimeQuality.FileMtime | TimeQuality.OrderOnly | TimeQuality.Snapshot)) != 0) return;
        // Login records are written only at logins and boots, and wtmp often reaches back months before any log:
        // its first record does not make a key or an address "new" in logs that begin later, and hours between
        // two logins are no silence.
        if (e.Parser is ParserNames.Utmp or ParserNames.Wtmpdb or ParserNames.Lastlog) return;
        FirstTicks ??= t;
        if (LastTicks is null || t > LastTicks) LastTicks = t;
        var sha = e.Origin.Sha256;
        if (_lastByFile.TryGetValue(sha, out var last) && t - last.Last >= Options.Silence.Ticks && _silences.Count < Options.MaxSilences)
            _silences.Add((e.Origin.File, last.Last, t));
        _lastByFile[sha] = (t, e.Origin.File);
    }

    /// <summary>Adds a signal, or folds it into an earlier one with the same key.</summary>
    public Signal Add(Signal signal, string? foldKey = null)
    {
        var key = foldKey ?? signal.EventId;
        if (_signalsByKey.TryGetValue(key, out var earlier))
        {
            earlier.Repeats++;
            if (signal.Ticks is { } t && (earlier.LastTicks is null || t > earlier.LastTicks)) earlier.LastTicks = t;
            foreach (var r in signal.RuleIds) if (!earlier.RuleIds.Contains(r)) earlier.RuleIds.Add(r);
            return earlier;
        }
        if (_signals.Count >= Options.MaxSignalsPerHost) return signal;
        _signalsByKey[key] = signal;
        signal.Kept = true;
        _signals.Add(signal);
        return signal;
    }

    /// <summary>Keeps every remarkable logon; ordinary ones only in a bounded ring of the most recent.</summary>
    public void Keep(Login login, bool remarkable)
    {
        LastLogin = login;
        if (remarkable) _remarkableLogins.Add(login);
        else
        {
            _plainLogins.Enqueue(login);
            while (_plainLogins.Count > Options.MaxPlainLogins) _plainLogins.Dequeue();
        }
        if (login.SessionKey is { } key)
        {
            if (_openSessions.Count >= Options.MaxPlainLogins) _openSessions.Clear();
            _openSessions[key] = login;
        }
    }

    /// <summary>Drops a logon that a later event showed to be part of another (it lives on as that logon's <see cref="Login.Preceding"/>).</summary>
    public void Forget(Login login)
    {
        if (!_remarkableLogins.Remove(login) && _plainLogins.Contains(login))
        {
            var kept = _plainLogins.Where(l => !ReferenceEquals(l, login)).ToList();
            _plainLogins.Clear();
            foreach (var l in kept) _plainLogins.Enqueue(l);
        }
        if (login.SessionKey is { } key && _openSessions.TryGetValue(key, out var open) && ReferenceEquals(open, login)) _openSessions.Remove(key);
        if (ReferenceEquals(LastLogin, login)) LastLogin = null;
    }

    /// <summary>True when the host had events for at least the baseline period before <paramref name="ticks"/>: "new" means something then.</summary>
    public bool HasBaselineBefore(long ticks) => FirstTicks is { } first && ticks - first >= Options.Baseline.Ticks;
}
