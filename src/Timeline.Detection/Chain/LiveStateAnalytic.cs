using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Detection.Chain;

/// <summary>
/// <c>live/*</c>: the command outputs a triage collector saved. Rows are state at collection time
/// (<see cref="TimeQuality.Snapshot"/>), not acts with their own time, so they raise no signal while the
/// events stream: processes, connections and deleted programs go into the host's <see cref="LiveSnapshot"/>
/// and are judged together once the pass is over (<see cref="Complete"/>, <see cref="LiveMinerFinder"/>).
/// <c>last</c>/<c>lastb</c> rows carry their own times and are logon evidence: they become logons where
/// the auth log does not already tell the same logon.
/// </summary>
public sealed class LiveStateAnalytic(IndicatorCatalog indicators, EvidencePatterns patterns, IReadOnlyList<string> miningTechniques) : IEventAnalytic
{
    /// <summary>A <c>last</c> row and an sshd logon of the same user and address this close are one logon (last prints minutes without -F).</summary>
    private static readonly long SameLogon = TimeSpan.TicksPerMinute * 2;

    /// <summary>
    /// How the live parsers (live/lsof, live/proc) say a file was unlinked: they strip lsof's and readlink's
    /// <c> (deleted)</c> suffix from the path and set <c>problem</c> to this word. The suffix itself is also
    /// recognised (<c>sigma/patterns/processes.yml</c> <c>deleted-executable</c>).
    /// </summary>
    private const string DeletedProblem = "deleted";

    public bool Handles(string parser) => ParserNames.LiveState.Contains(parser);

    private bool Deleted(FieldSet f, string path) => f.Get(FieldNames.Problem) == DeletedProblem || patterns.Matches("deleted-executable", path);

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var live = host.Live;
        var f = e.Fields;
        switch (f.Get(FieldNames.Event))
        {
            case LiveStateEvents.Process:
                live.Saw(e);
                live.Process(e);
                if (f.Get(FieldNames.Exe) is { } exe && Deleted(f, exe) && LiveSnapshot.Pid(f.Get(FieldNames.Pid)) is { } pid)
                    live.DeletedExecutable(pid, exe, e.Id);
                break;
            case LiveStateEvents.Connection:
                live.Saw(e);
                live.Connection(e);
                break;
            case LiveStateEvents.OpenFile:
                live.Saw(e);
                if (LiveSnapshot.Pid(f.Get(FieldNames.Pid)) is not { } filePid) break;
                // lsof's program text (FD txt) is the PID's executable.
                if (f.Get(FieldNames.Exe) is { } text) live.Executable(filePid, text);
                // A deleted file is the PID's program when it is its exe or carries its name (lsof cuts
                // COMMAND to 9 characters, so the file name starts with it).
                if ((f.Get(FieldNames.Exe) ?? f.Get(FieldNames.Path)) is { } path && Deleted(f, path))
                {
                    var plain = patterns.FirstMatch("deleted-executable", path) is { Success: true } m ? path[..m.Index] : path;
                    var name = plain[(plain.LastIndexOf('/') + 1)..];
                    if (f.Get(FieldNames.Exe) is not null || (f.Get(FieldNames.Process) is { Length: > 0 } process && name.StartsWith(process, StringComparison.Ordinal)))
                        live.DeletedExecutable(filePid, path, e.Id);
                }
                break;
            case LiveStateEvents.Login or LiveStateEvents.FailedLogin:
                live.Login(e);
                break;
            default:
                live.Saw(e);
                break;
        }
        return null;
    }

    /// <summary>
    /// After the pass: <c>lastb</c> failures count for sources the auth log has no failures of (so nothing
    /// is counted twice), <c>last</c> logons from an address become logons unless sshd told the same one,
    /// then the live state is judged. Returns the listed processes.
    /// </summary>
    public IReadOnlyList<LiveSuspect> Complete(HostEvidence host)
    {
        var rows = host.Live.Logins.Where(r => r.Ticks is not null).OrderBy(r => r.Ticks).ToList();
        var authFailures = host.Sources.Where(s => s.Value.Failures > 0).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r.Fields.Get(FieldNames.Event) == LiveStateEvents.FailedLogin))
            if (r.Fields.Get(FieldNames.SrcIp) is { } ip && !authFailures.Contains(ip))
                host.Source(ip, r.Ticks!.Value).Fail(r.Ticks, r.Fields.Get(FieldNames.User));
        var sshd = host.Logins.ToList();
        foreach (var r in rows.Where(r => r.Fields.Get(FieldNames.Event) == LiveStateEvents.Login))
        {
            if (r.Fields.Get(FieldNames.User) is not { } user || r.Fields.Get(FieldNames.SrcIp) is not { } ip || !CommandArtifacts.IsIp(ip)) continue;
            var t = r.Ticks!.Value;
            if (sshd.Any(l => l.User == user && l.SourceIp == ip && Math.Abs(l.Ticks - t) <= SameLogon)) continue;
            var tally = host.Sources.GetValueOrDefault(ip);
            var failures = tally is { LastFailTicks: { } last } && last <= t + SameLogon ? tally.Failures : 0;
            var known = host.Logins.Any(l => l.SourceIp == ip && l.Ticks < t);
            var login = new Login
            {
                EventId = r.Id,
                Ticks = t,
                TimeQuality = r.TimeQuality,
                Origin = r.Origin,
                User = user,
                SourceIp = ip,
                Method = "wtmp",
                FailuresBefore = failures,
                UsersTried = failures > 0 ? tally!.Users.Order(StringComparer.Ordinal).ToList() : [],
                FailFirstTicks = failures > 0 ? tally!.FirstFailTicks : null,
                FailLastTicks = failures > 0 ? tally!.LastFailTicks : null,
                NewSource = !known && host.HasBaselineBefore(t),
            };
            var remarkable = failures >= host.Options.BruteForceMinFailures || login.NewSource || CommandArtifacts.IsInternal(ip) || user == "root";
            host.Keep(login, remarkable);
        }
        return new LiveMinerFinder(indicators, patterns, host.Options, miningTechniques).Find(host);
    }
}
