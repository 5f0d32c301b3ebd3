using Timeline.Core.Events;

namespace Timeline.Detection.Chain;

/// <summary>
/// What the builder keeps about one host while events stream past: tallies of failed logons per
/// source, the logons worth remembering, the flagged events, persistence file entries, history
/// coverage and log silences. Nothing here grows with ordinary events: plain logons are kept in a
/// bounded ring, repeated signals fold, and tallies are per source.
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
    public Dictionary<string, SourceTally> Sources { get; } = new(StringComparer.Ordinal);
    /// <summary>First time each (user, key fingerprint) logged in.</summary>
    public Dictionary<string, long> KeysSeen { get; } = new(StringComparer.Ordinal);
    public List<Login> RemarkableLogins { get; } = [];
    public Dictionary<string, Login> OpenSessions { get; } = new(StringComparer.Ordinal);
    public List<Signal> Signals { get; } = [];
    /// <summary>Entries of authorized_keys files: (user, fingerprint, comment, event).</summary>
    public List<Signal> AuthorizedKeys { get; } = [];
    /// <summary>Entries of crontab files (user and system tables).</summary>
    public List<Signal> CrontabEntries { get; } = [];
    /// <summary>Timed history commands per user (ticks), for "session without history".</summary>
    public Dictionary<string, List<long>> HistoryTimes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> HistoryFiles { get; } = new(StringComparer.Ordinal);
    public List<(string File, long From, long To)> Silences { get; } = [];
    /// <summary>Recent crontab LIST/REPLACE times, for churn bursts.</summary>
    public Queue<long> CrontabEdits { get; } = new();
    public long? LastChurnTicks { get; set; }

    /// <summary>Addresses the host's own evidence states as its own (DHCP lease, listening address…), with the first event saying so.</summary>
    public Dictionary<string, (string EventId, long? Ticks, string How)> OwnAddresses { get; } = new(StringComparer.Ordinal);

    /// <summary>Windows account SIDs seen with their names (4624 target, 4688 subject), to name the user of events that carry only a SID (4104 <c>UserID</c>).</summary>
    public Dictionary<string, string> SidNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The logon added last (so rule matches on that event attach to it).</summary>
    public Login? LastLogin { get; private set; }

    public IEnumerable<Login> Logins => RemarkableLogins.Concat(_plainLogins).OrderBy(l => l.Ticks);

    public void Saw(EventRecord e)
    {
        Events++;
        if (e.Ticks is not { } t || (e.TimeQuality & (TimeQuality.FileMtime | TimeQuality.OrderOnly)) != 0) return;
        FirstTicks ??= t;
        if (LastTicks is null || t > LastTicks) LastTicks = t;
        var sha = e.Origin.Sha256;
        if (_lastByFile.TryGetValue(sha, out var last) && t - last.Last >= Options.Silence.Ticks && Silences.Count < Options.MaxSilences)
            Silences.Add((e.Origin.File, last.Last, t));
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
        if (Signals.Count >= Options.MaxSignalsPerHost) return signal;
        _signalsByKey[key] = signal;
        signal.Kept = true;
        Signals.Add(signal);
        return signal;
    }

    /// <summary>Keeps every remarkable logon; ordinary ones only in a bounded ring of the most recent.</summary>
    public void Keep(Login login, bool remarkable)
    {
        LastLogin = login;
        if (remarkable) RemarkableLogins.Add(login);
        else
        {
            _plainLogins.Enqueue(login);
            while (_plainLogins.Count > Options.MaxPlainLogins) _plainLogins.Dequeue();
        }
        if (login.SessionKey is { } key)
        {
            if (OpenSessions.Count >= Options.MaxPlainLogins) OpenSessions.Clear();
            OpenSessions[key] = login;
        }
    }

    /// <summary>Drops a logon that a later event showed to be part of another (it lives on as that logon's <see cref="Login.Preceding"/>).</summary>
    public void Forget(Login login)
    {
        if (!RemarkableLogins.Remove(login) && _plainLogins.Contains(login))
        {
            var kept = _plainLogins.Where(l => !ReferenceEquals(l, login)).ToList();
            _plainLogins.Clear();
            foreach (var l in kept) _plainLogins.Enqueue(l);
        }
        if (login.SessionKey is { } key && OpenSessions.TryGetValue(key, out var open) && ReferenceEquals(open, login)) OpenSessions.Remove(key);
        if (ReferenceEquals(LastLogin, login)) LastLogin = null;
    }

    /// <summary>True when the host had events for at least the baseline period before <paramref name="ticks"/>: "new" means something then.</summary>
    public bool HasBaselineBefore(long ticks) => FirstTicks is { } first && ticks - first >= Options.Baseline.Ticks;
}
