using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// <c>linux/auth</c>: failed SSH logons tallied per source, accepted logons remembered with what was
/// known about their source and key, sessions closed by sshd pid, sudo commands read as commands,
/// account changes (threat-notes §1.1, §1.4.3).
/// </summary>
public sealed class LinuxAuthAnalytic(CommandAnalytic commands, PhaseMap phases) : IEventAnalytic
{
    public bool Handles(string parser) => parser == ParserNames.Auth;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        host.Trail.SawLogLine(e);
        if (f.Get(FieldNames.Event) is null && OwnAddress.In(e.Message) is { } own) host.SawOwnAddress(own.Ip, e.Id, e.Ticks, own.How);
        switch (f.Get(FieldNames.Event))
        {
            case AuthEvents.SshFailed:
            case AuthEvents.SshInvalidUser when f.Get(FieldNames.SrcIp) is not null:
            {
                var ip = f.Get(FieldNames.SrcIp);
                if (ip is null) return null;
                if (f.Get(FieldNames.Event) == AuthEvents.SshFailed) host.Fail(ip, e.Ticks, f.Get(FieldNames.User), FailureEvidence.LogLine);
                else if (f.Get(FieldNames.User) is { } u && Tally(host, ip, e.Ticks) is var tally && tally.Users.Count < SourceTally.MaxUsers) tally.Users.Add(u);
                return null;
            }
            case AuthEvents.SshAccepted:
                Accept(e, host);
                return null;
            case AuthEvents.SessionOpen when f.Get(FieldNames.Uid) is { } uid && f.Get(FieldNames.User) is { } named:
                host.NameUid(uid, named);
                return null;
            // logind numbers the session sshd just opened: audit's ses= is the same number.
            case AuthEvents.LogindNewSession when f.Get(FieldNames.SessionId) is { } id && host.LastLogin is { } last && last.User == f.Get(FieldNames.User)
                && e.Ticks is { } at && Math.Abs(at - last.Ticks) <= 10 * TimeSpan.TicksPerSecond:
                host.NameSession(id, last);
                return null;
            case AuthEvents.SshDisconnect:
            case AuthEvents.SessionClose when f.Get(FieldNames.PamService) == "sshd":
                if (f.Get(FieldNames.Pid) is { } pid && host.OpenSession("sshd:" + pid) is { CloseTicks: null } open) open.CloseTicks = e.Ticks;
                return null;
            case AuthEvents.Sudo:
                if (f.Get(FieldNames.Command) is not { } command) return null;
                return CommandSignals.From(e, command, commands.Analyze(command), phases, $"sudo by {f.Get(FieldNames.User)}");
            case AuthEvents.UserAdd:
            {
                var uid0 = f.Get(FieldNames.Uid) == "0";
                var oddHome = f.Get(FieldNames.Home) is { } h && (h.StartsWith("/tmp", StringComparison.Ordinal) || h.StartsWith("/dev/shm", StringComparison.Ordinal) || h.StartsWith("/var/tmp", StringComparison.Ordinal));
                return Signal.From(e, e.Message, uid0 ? AttackPhase.Privilege : AttackPhase.Persistence, AnalyticKinds.AccountCreated,
                    $"account '{f.Get(FieldNames.User)}' created", uid0 ? "a new account with UID 0 (root rights)" : oddHome ? "a new account living in a temporary directory" : "a new account",
                    uid0 || oddHome ? 0.8 : 0.4, uid0 || oddHome);
            }
            case AuthEvents.GroupMemberAdd when f.Get(FieldNames.Group) is AuthEvents.Sudo or "wheel" or "root" or "adm" or "admin":
                return Signal.From(e, e.Message, AttackPhase.Privilege, AnalyticKinds.SudoGranted, $"'{f.Get(FieldNames.User)}' added to group '{f.Get(FieldNames.Group)}'", "gives the account administrator rights", 0.5, false);
            case AuthEvents.PasswordChange:
                return Signal.From(e, e.Message, AttackPhase.Persistence, AnalyticKinds.PasswordChanged, $"password of '{f.Get(FieldNames.User)}' changed",
                    "attackers change the password of a guessed account to keep it (threat-notes §1.1)", 0.4, false);
            default:
                return null;
        }
    }

    private static SourceTally Tally(HostEvidence host, string ip, long? ticks) => host.Source(ip, ticks ?? 0);

    private static void Accept(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        if (e.Ticks is not { } t || f.Get(FieldNames.User) is not { } user) return;
        var ip = f.Get(FieldNames.SrcIp);
        var fp = f.Get(FieldNames.KeyFingerprint);
        var known = ip is not null && host.Sources.ContainsKey(ip);
        var tally = ip is null ? null : Tally(host, ip, t);
        var keyKey = user + "|" + fp;
        var newKey = fp is not null && !host.KeysSeen.ContainsKey(keyKey) && host.HasBaselineBefore(t);
        if (fp is not null) host.SawKey(keyKey, t);
        var login = new Login
        {
            EventId = e.Id,
            Ticks = t,
            TimeQuality = e.TimeQuality,
            Origin = e.Origin,
            User = user,
            SourceIp = ip,
            Method = f.Get(FieldNames.AuthMethod) ?? "unknown",
            KeyFingerprint = fp,
            SessionKey = f.Get(FieldNames.Pid) is { } pid ? "sshd:" + pid : null,
            FailuresBefore = tally?.Failures ?? 0,
            UsersTried = tally?.Users.Order(StringComparer.Ordinal).ToList() ?? [],
            FailFirstTicks = tally?.FirstFailTicks,
            FailLastTicks = tally?.LastFailTicks,
            NewSource = ip is not null && (!known || tally!.Successes == 0 && tally.Failures == 0) && host.HasBaselineBefore(t),
            NewKey = newKey,
        };
        if (tally is not null) tally.Successes++;
        var remarkable = login.FailuresBefore >= host.Options.BruteForceMinFailures || login.NewSource || login.NewKey
            || (ip is not null && CommandArtifacts.IsInternal(ip)) || (user == "root" && login.Method == "password");
        host.Keep(login, remarkable);
        host.Trail.SawLogLogin(login);
    }
}
