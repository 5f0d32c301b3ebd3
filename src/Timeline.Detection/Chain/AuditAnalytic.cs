using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Vocabulary;

namespace Timeline.Detection.Chain;

/// <summary>
/// <c>linux/audit</c>: every execution the kernel recorded (<c>audit_exec</c>, its decoded argv in
/// <c>command</c>) is read by <see cref="CommandAnalytic"/> like a shell history line, but exactly timed
/// and with the real user: the login uid (<c>auid</c>) survives <c>su</c> and <c>sudo</c>, so a miner run
/// as root after <c>sudo su</c> is still the step of the account that logged in. The user is named by the
/// session (<c>ses</c> = logind's "New session N" of an sshd logon), else by the name the evidence gives
/// the uid (PAM's <c>user(uid=N)</c>, an audit login's <c>acct</c>, ENRICHED <c>AUID</c>), else the number.
/// <para>
/// Parent links: each execution is kept in the host's <see cref="ProcessTable"/> (pid → exe, comm, time);
/// a shell, downloader or interpreter (<c>sigma/patterns/services.yml</c> <c>service-children</c>) whose
/// parent is a network service (<c>network-services</c>: web server, PHP worker, Java server, Redis,
/// PostgreSQL …) is the signature of an exploited service — a strong <see cref="AnalyticKinds.ServiceShell"/>
/// signal that <see cref="EntryRanker"/> weighs as an exploited-service entry.
/// </para>
/// </summary>
public sealed class AuditAnalytic(CommandAnalytic commands, PhaseMap phases, EvidencePatterns patterns) : IEventAnalytic
{
    /// <summary>auditd's "unset" login uid / session (−1 as unsigned 32-bit): no login behind the process (a daemon).</summary>
    private const string Unset = "4294967295";

    /// <summary>A history line and an audited execution of the same command by the same user this close are one act.</summary>
    public static readonly long SameCommand = 5 * TimeSpan.TicksPerMinute;

    public bool Handles(string parser) => parser == ParserNames.Audit;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        var auid = f.Get(AuditFieldNames.Auid) is { } a && a != Unset ? a : null;
        // ENRICHED logs name the login uid themselves.
        if (auid is not null && f.Get("AUID") is { Length: > 0 } enriched && enriched != "unset") host.NameUid(auid, enriched);
        if (f.Get(FieldNames.Event) != AuditEvents.Exec) Runs(e, host);
        switch (f.Get(FieldNames.Event))
        {
            case AuditEvents.Login or AuditEvents.SessionStart or AuditEvents.Credentials
                when auid is not null && f.Get(AuditFieldNames.Account) is { Length: > 0 } acct && f.Get(AuditFieldNames.Success) != "no":
                host.NameUid(auid, acct);
                return null;
            case AuditEvents.Exec:
                return Execution(e, host, auid);
            default:
                return null;
        }
    }

    private Signal? Execution(EventRecord e, HostEvidence host, string? auid)
    {
        var f = e.Fields;
        var exe = f.Get(FieldNames.Exe);
        var comm = f.Get(AuditFieldNames.Comm);
        var pid = f.Get(FieldNames.Pid);
        var ppid = f.Get(FieldNames.Ppid);
        var ticks = e.Ticks ?? long.MinValue;
        var parent = ppid is null ? null : host.Processes.At(ppid, ticks);
        Runs(e, host);

        var session = f.Get(AuditFieldNames.Session) is { } ses && ses != Unset ? ses : null;
        var login = session is null ? null : host.SessionLogin(session);
        var uid = auid ?? f.Get(FieldNames.Uid);
        var user = login?.User ?? (uid is null ? null : host.UidName(uid)) ?? f.Get(FieldNames.User) ?? uid;
        var command = f.Get(FieldNames.Command) ?? f.Get(AuditFieldNames.Proctitle) ?? exe;
        if (string.IsNullOrWhiteSpace(command)) return null;

        var findings = commands.Analyze(command).ToList();
        var child = new ExecutedProcess(exe, comm, ticks, e.Id);
        if (parent?.Name is { } parentName && patterns.Matches("network-services", parentName)
            && (Matches("service-children", child.Name) || Matches("service-children", comm)))
            findings.Add(new Finding(AnalyticKinds.ServiceShell, AttackPhase.Execution,
                $"'{parentName}' ({parent.Exe ?? parent.Comm}, pid {ppid}) started {child.Name} — a network service running a shell or downloader is the signature of an exploited service",
                0.85, true));
        var who = user is null ? "audit" : $"audit: {user}";
        if (session is not null) who += $" (session {session})";
        var signal = CommandSignals.From(e, command, findings, phases, who);
        if (signal is null) return null;
        signal.User = user;
        if (uid is not null) signal.Facts["auid"] = uid;
        if (session is not null) signal.Facts["ses"] = session;
        if (pid is not null) signal.Facts["pid"] = pid;
        if (parent?.Name is { } pn) signal.Facts["parent"] = pn;
        if (findings.Any(x => x.Kind == AnalyticKinds.ServiceShell) && parent?.Name is { } service)
        {
            signal.Facts["finding:" + AnalyticKinds.ServiceShell] = service;
            if (f.Get(FieldNames.Uid) is { } runAs) signal.Facts["run_as"] = host.UidName(runAs) ?? runAs;
        }
        // Repeats of one command by one user (cron starting the miner every minute) fold into one step with a count.
        return host.Add(signal, $"audit|{user}|{Normal(command)}");
    }

    /// <summary>Any record with a pid and a program (a SYSCALL of any call) says what that pid runs.</summary>
    private static void Runs(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        if (f.Get(FieldNames.Pid) is not { } pid || e.Ticks is not { } t || f.Get(AuditFieldNames.Type) is not "SYSCALL") return;
        var exe = f.Get(FieldNames.Exe);
        var comm = f.Get(AuditFieldNames.Comm);
        if (exe is not null || comm is not null) host.Processes.Runs(pid, new ExecutedProcess(exe, comm, t, e.Id));
    }

    private bool Matches(string list, string? name) => name is { Length: > 0 } && patterns.Matches(list, name);

    /// <summary>
    /// After the pass: a timed history line whose command the audit log also recorded (same user, within
    /// <see cref="SameCommand"/>, the line or one of its simple commands) is told once, by the audited
    /// execution (its time is exact); the history line's place is added to its why. A history line that
    /// says more than the executions it matches (a download piped to a shell: two executions, one cradle)
    /// is kept.
    /// </summary>
    public static void Complete(HostEvidence host)
    {
        // Audited executions per user in time order, with their normalised commands: each history line looks only at ±5 min.
        var audited = host.Signals.Where(s => s.Parser == ParserNames.Audit && s.Timed && s.User is not null)
            .GroupBy(s => s.User!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Ticks).Select(s => (Ticks: s.Ticks!.Value, Command: Normal(s.Text), Signal: s)).ToList(), StringComparer.Ordinal);
        if (audited.Count == 0) return;
        var dropped = new List<Signal>();
        foreach (var h in host.Signals.Where(s => s.Parser == ParserNames.BashHistory && s.Timed && s.User is not null))
        {
            if (!audited.TryGetValue(h.User!, out var list)) continue;
            var t = h.Ticks!.Value;
            var line = Normal(h.Text);
            var segments = CommandAnalytic.Segments(h.Text).Select(Normal).Append(line).ToHashSet(StringComparer.Ordinal);
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (list[mid].Ticks < t - SameCommand) lo = mid + 1; else hi = mid;
            }
            var same = new List<Signal>();
            for (var i = lo; i < list.Count && list[i].Ticks <= t + SameCommand; i++)
                if (segments.Contains(list[i].Command) || list[i].Command.EndsWith(line, StringComparison.Ordinal)) same.Add(list[i].Signal);
            if (same.Count == 0) continue;
            var told = same.SelectMany(a => a.Facts.Keys).ToHashSet(StringComparer.Ordinal);
            if (!h.Facts.Keys.Where(k => k.StartsWith("finding:", StringComparison.Ordinal)).All(told.Contains)) continue;
            foreach (var a in same) a.Why += $"; also in {h.User}'s shell history ({Path.GetFileName(h.Origin.File)} line {h.Origin.Position})";
            dropped.Add(h);
        }
        host.Drop(dropped);
    }

    /// <summary>A command with quotes and runs of blanks folded, to compare a shell line with a decoded argv.</summary>
    private static string Normal(string command) => string.Join(' ', command.Replace("\"", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
