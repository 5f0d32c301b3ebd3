using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Detection.Chain;

/// <summary>
/// <c>linux/utmp</c> and <c>linux/wtmpdb</c>: the login records <c>last</c> and <c>lastb</c> read, which
/// often survive when text logs were rotated away or wiped. A btmp failure counts towards the failed-logon
/// tally of its address exactly like sshd's "Failed password" line — once when both tell the same attempt
/// (<see cref="FailedLogonPairing"/>) — so btmp alone proves a brute force. A wtmp login from a remote
/// address becomes a logon after the pass (<see cref="Complete"/>) unless sshd's log tells the same one,
/// with the failures known from its address at its own time. Every record also feeds the host's
/// <see cref="LoginTrail"/>, cross-checked against sshd's logins for evidence gaps.
/// </summary>
public sealed class LoginRecordAnalytic : IEventAnalytic
{
    public bool Handles(string parser) => parser is ParserNames.Utmp or ParserNames.Wtmpdb;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        var kind = f.Get(FieldNames.Event);
        if (kind == LoginRecordEvents.LoginFailed)
        {
            if (f.Get(FieldNames.SrcIp) is { } ip) host.Fail(ip, e.Ticks, f.Get(FieldNames.User), FailureEvidence.LoginRecord);
            return null;
        }
        // utmp numbers its records (position = record number): a jump is a hole. wtmpdb positions are row ids.
        host.Trail.SawRecord(e, e.Parser == ParserNames.Utmp && e.Origin.Kind == PositionKind.Record);
        if (kind != LoginRecordEvents.Login || e.Ticks is not { } t || f.Get(FieldNames.User) is not { Length: > 0 } user) return null;
        var address = f.Get(FieldNames.SrcIp);
        var name = f.Get(FieldNames.SrcHost);
        if (address is null && name is null) return null;
        var tally = address is null ? null : host.Sources.GetValueOrDefault(address)?.Copy();
        host.Trail.SawRecordLogin(new TrailLogin(e.Id, t, e.Origin, user, address, name, tally) { TimeQuality = e.TimeQuality });
        return null;
    }

    /// <summary>
    /// After the pass: each remote login record that sshd's log does not tell becomes a logon, with the
    /// failures from its address before it (a host with only wtmp + btmp still shows "brute force, then
    /// success"). Runs before the live state's <c>last</c> rows, which then do not repeat these logons.
    /// </summary>
    public static void Complete(HostEvidence host)
    {
        if (host.Trail.RecordLogins.Count == 0) return;
        // First logon time per address, from the logons known now and those added below (records come in time order).
        var firstFrom = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var l in host.Logins)
            if (l.SourceIp is { } a && (!firstFrom.TryGetValue(a, out var f) || l.Ticks < f)) firstFrom[a] = l.Ticks;
        foreach (var r in host.Trail.RecordLogins)
        {
            if (host.Trail.LogTells(r)) continue;
            var failures = r.FailuresAtTime is { Failures: > 0 } tally ? tally : null;
            var ip = r.Ip;
            var known = ip is not null && firstFrom.TryGetValue(ip, out var first) && first < r.Ticks;
            if (ip is not null && !known && !firstFrom.ContainsKey(ip)) firstFrom[ip] = r.Ticks;
            var login = new Login
            {
                EventId = r.EventId,
                Ticks = r.Ticks,
                TimeQuality = r.TimeQuality,
                Origin = r.Origin,
                User = r.User,
                SourceIp = ip ?? r.HostName,
                Method = "wtmp",
                FailuresBefore = failures?.Failures ?? 0,
                UsersTried = failures?.Users.Order(StringComparer.Ordinal).ToList() ?? [],
                FailFirstTicks = failures?.FirstFailTicks,
                FailLastTicks = failures?.LastFailTicks,
                NewSource = ip is not null && !known && host.HasBaselineBefore(r.Ticks),
            };
            var remarkable = login.FailuresBefore >= host.Options.BruteForceMinFailures || login.NewSource
                || (ip is not null && CommandArtifacts.IsInternal(ip)) || r.User == "root";
            host.Keep(login, remarkable);
        }
    }
}
