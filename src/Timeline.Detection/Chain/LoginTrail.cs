using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// The two independent accounts of remote logins one Linux host keeps, side by side: the login records
/// (wtmp, wtmpdb: written by login/sshd through utmp(5)) and sshd's own log lines (auth.log or the
/// journal). An intruder who edits one rarely edits the other, so after the pass they are cross-checked
/// (<see cref="Gaps"/>): a remote login in one account but not in the other, inside the period both
/// cover, is an evidence gap; so is a wtmp with records missing (zeroed, unreadable or damaged: record
/// numbers jump) or without a time. Everything here is bounded: at most <see cref="MaxLogins"/> logins of
/// each account, <see cref="MaxHoles"/> holes and <see cref="MaxFiles"/> file names are kept.
/// </summary>
public sealed class LoginTrail
{
    public const int MaxLogins = 20_000;
    public const int MaxHoles = 256;
    public const int MaxFiles = 8;
    /// <summary>Gaps of one kind listed one by one; beyond this one more gap gives the count.</summary>
    public const int MaxGapsPerKind = 16;
    /// <summary>A login record and an sshd "Accepted" line this close (same user, same address) are one login.</summary>
    public static readonly long SameLogin = 2 * TimeSpan.TicksPerMinute;

    private readonly List<TrailLogin> _recordLogins = [];
    private readonly List<TrailLogin> _logLogins = [];
    private readonly List<string> _recordFiles = [];
    private readonly List<string> _logFiles = [];
    private readonly Dictionary<string, (long Position, long? Ticks)> _lastRecord = new(StringComparer.Ordinal);
    private readonly List<(string File, long FromRecord, long ToRecord, long? FromTicks, long? ToTicks)> _holes = [];
    private readonly Dictionary<string, (int Count, long FirstRecord)> _untimed = new(StringComparer.Ordinal);

    /// <summary>First and last time of a login record (wtmp/wtmpdb, not btmp); null without any.</summary>
    public (long From, long To)? RecordSpan { get; private set; }
    /// <summary>First and last time of an auth log line (auth.log or the journal's sshd/PAM/sudo lines); null without any.</summary>
    public (long From, long To)? LogSpan { get; private set; }
    /// <summary>Remote logins the login records tell, in time order (at most <see cref="MaxLogins"/>).</summary>
    public IReadOnlyList<TrailLogin> RecordLogins => _recordLogins;

    /// <summary>An auth log line (any kind): the log covers its time.</summary>
    public void SawLogLine(EventRecord e)
    {
        if (!Timed(e, out var t)) return;
        LogSpan = Extend(LogSpan, t);
        Name(_logFiles, e.Origin.File);
    }

    /// <summary>sshd's "Accepted … for U from A".</summary>
    public void SawLogLogin(Login login)
    {
        if (_logLogins.Count < MaxLogins) _logLogins.Add(new TrailLogin(login.EventId, login.Ticks, login.Origin, login.User, login.SourceIp, null, null));
    }

    /// <summary>
    /// A wtmp/utmp/wtmpdb record of any kind (not btmp): the records cover its time, and a utmp record
    /// number that jumps past the previous one of the same file leaves a hole (zeroed or skipped records).
    /// </summary>
    public void SawRecord(EventRecord e, bool numbered)
    {
        var file = e.Origin.Sha256;
        if (!Timed(e, out var t))
        {
            // A login record without a usable time (seconds 0): the parser keeps it in file order; it is damage.
            if (numbered && (_untimed.ContainsKey(file) || _untimed.Count < MaxFiles))
                _untimed[file] = _untimed.TryGetValue(file, out var u) ? (u.Count + 1, u.FirstRecord) : (1, e.Origin.Position);
            return;
        }
        RecordSpan = Extend(RecordSpan, t);
        Name(_recordFiles, e.Origin.File);
        if (!numbered) return;
        var position = e.Origin.Position;
        if (_lastRecord.TryGetValue(file, out var last))
        {
            if (position > last.Position + 1 && _holes.Count < MaxHoles)
                _holes.Add((e.Origin.File, last.Position + 1, position - 1, last.Ticks, t));
            if (position > last.Position) _lastRecord[file] = (position, t);
        }
        else if (_lastRecord.Count < MaxFiles * 4)
        {
            // Records before the first one read were all unusable: the file begins with a hole.
            if (position > 1 && _holes.Count < MaxHoles) _holes.Add((e.Origin.File, 1, position - 1, null, t));
            _lastRecord[file] = (position, t);
        }
    }

    /// <summary>A remote login a login record tells (USER_PROCESS with a host), with the failures known at its time.</summary>
    public void SawRecordLogin(TrailLogin login)
    {
        if (_recordLogins.Count < MaxLogins) _recordLogins.Add(login);
    }

    /// <summary>True when sshd's log tells the same login (same user and address, within <see cref="SameLogin"/>).</summary>
    public bool LogTells(TrailLogin record) => AnySame(ByUser(ref _logIndex, _logLogins), record);

    private Dictionary<string, List<TrailLogin>>? _logIndex;
    private Dictionary<string, List<TrailLogin>>? _recordIndex;

    /// <summary>The logins of one account by user, each list in time order (built once, after the pass).</summary>
    private static Dictionary<string, List<TrailLogin>> ByUser(ref Dictionary<string, List<TrailLogin>>? index, List<TrailLogin> logins)
    {
        if (index is not null) return index;
        index = new Dictionary<string, List<TrailLogin>>(StringComparer.Ordinal);
        foreach (var l in logins)
        {
            if (!index.TryGetValue(l.User, out var list)) index[l.User] = list = [];
            list.Add(l);
        }
        foreach (var list in index.Values) list.Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
        return index;
    }

    /// <summary>A login of the same user within <see cref="SameLogin"/> (binary search, then the few around it) with a compatible address.</summary>
    private static bool AnySame(Dictionary<string, List<TrailLogin>> byUser, TrailLogin x)
    {
        if (!byUser.TryGetValue(x.User, out var list)) return false;
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Ticks < x.Ticks - SameLogin) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < list.Count && list[i].Ticks <= x.Ticks + SameLogin; i++)
            if (Same(list[i], x)) return true;
        return false;
    }

    /// <summary>The cross-check: logins in one account but not the other where both cover the time, and holes in the records.</summary>
    public IReadOnlyList<EvidenceGap> Gaps()
    {
        var gaps = new List<EvidenceGap>();
        if (RecordSpan is { } records && LogSpan is { } log)
        {
            var logNames = string.Join(", ", _logFiles);
            var recordNames = string.Join(", ", _recordFiles);
            var logIndex = ByUser(ref _logIndex, _logLogins);
            var recordIndex = ByUser(ref _recordIndex, _recordLogins);
            var notInLog = _recordLogins.Where(r => Inside(r.Ticks, log) && !AnySame(logIndex, r)).ToList();
            Listed(gaps, notInLog, r => new EvidenceGap("login-not-in-auth-log",
                $"{recordNames} records a login of '{r.User}' from {r.Address} at {TimeWords.Of(r.Ticks)} that {logNames} does not have, although it covers that time: sshd's lines were deleted (possible tampering) or the login did not go through sshd",
                r.Ticks, r.Ticks, r.EventId), "login-not-in-auth-log", $"{recordNames} records {{0}} more login(s) that {logNames} does not have");
            var notInRecords = _logLogins.Where(l => Inside(l.Ticks, records) && !AnySame(recordIndex, l)).ToList();
            Listed(gaps, notInRecords, l => new EvidenceGap("login-not-in-wtmp",
                $"sshd logon of '{l.User}' from {l.Address} at {TimeWords.Of(l.Ticks)} ({Path.GetFileName(l.Origin.File)}) has no record in {recordNames}, although it covers that time: the login records were edited (possible tampering), or the session had no terminal (scp, sftp, 'ssh host command': sshd writes wtmp only with a pty)",
                l.Ticks, l.Ticks, l.EventId), "login-not-in-wtmp", $"{{0}} more sshd logon(s) have no record in {recordNames}");
        }
        foreach (var (file, from, to, a, b) in _holes)
            gaps.Add(new EvidenceGap("login-records-missing",
                $"{file}: record(s) {from}–{to} are zeroed or unreadable" + (a is null ? $" (before {TimeWords.Of(b)})" : $" between {TimeWords.Of(a)} and {TimeWords.Of(b)}") + ": login records were wiped or damaged there (possible tampering)",
                a ?? b, b, null));
        foreach (var (_, (count, first)) in _untimed)
            gaps.Add(new EvidenceGap("login-records-missing", $"{count} login record(s) without a time (from record {first}): zeroed times are a sign of wiped records", null, null, null));
        return gaps;
    }

    private static void Listed(List<EvidenceGap> gaps, List<TrailLogin> logins, Func<TrailLogin, EvidenceGap> one, string kind, string more)
    {
        foreach (var l in logins.Take(MaxGapsPerKind)) gaps.Add(one(l));
        if (logins.Count > MaxGapsPerKind)
            gaps.Add(new EvidenceGap(kind, string.Format(System.Globalization.CultureInfo.InvariantCulture, more, logins.Count - MaxGapsPerKind), logins[MaxGapsPerKind].Ticks, logins[^1].Ticks, null));
    }

    /// <summary>Inside the other account's period, far enough from its edges that the pair could not fall outside it.</summary>
    private static bool Inside(long t, (long From, long To) span) => t >= span.From + SameLogin && t <= span.To - SameLogin;

    private static bool Same(TrailLogin log, TrailLogin record) =>
        log.User == record.User && Math.Abs(log.Ticks - record.Ticks) <= SameLogin
        && (log.Ip is null || record.Ip is null || log.Ip == record.Ip);

    private static bool Timed(EventRecord e, out long ticks)
    {
        ticks = e.Ticks ?? 0;
        return e.Ticks is not null && (e.TimeQuality & (TimeQuality.FileMtime | TimeQuality.OrderOnly | TimeQuality.Snapshot)) == 0;
    }

    private static (long, long) Extend((long From, long To)? span, long t) => span is { } s ? (Math.Min(s.From, t), Math.Max(s.To, t)) : (t, t);

    private static void Name(List<string> names, string file)
    {
        if (names.Count < MaxFiles && !names.Contains(file, StringComparer.Ordinal)) names.Add(file);
    }
}

/// <summary>A remote login as one account tells it; for a login record, the failed logons known from its address at that time.</summary>
public sealed record TrailLogin(string EventId, long Ticks, Origin Origin, string User, string? Ip, string? HostName, SourceTally? FailuresAtTime)
{
    public TimeQuality TimeQuality { get; init; } = TimeQuality.Exact;
    public string Address => Ip ?? HostName ?? "an unknown address";
}
