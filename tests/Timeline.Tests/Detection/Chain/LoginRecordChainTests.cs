using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Vocabulary;
using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// Login records in the chain (issue 13): btmp failures feed the brute-force tally like sshd's "Failed
/// password" lines (once when both tell the same attempt), wtmp logins become logons where sshd's log
/// does not tell them, and the two accounts are cross-checked for evidence gaps. Events are shaped as
/// <c>linux/utmp</c> emits them (record numbers as positions, one file per evidence file).
/// </summary>
public sealed class LoginRecordChainTests
{
    private static readonly ChainOptions Options = new() { Knowledge = ChainKnowledge.Load(RepoPaths.Sigma) };
    private static readonly Dictionary<string, List<RuleMatch>> NoMatches = [];
    private const string Attacker = "203.0.113.45";
    private const string Miner = "/tmp/.x/kswapd0 -o stratum+tcp://pool.supportxmr.com:3333 --donate-level=0";

    private static IReadOnlyList<AttackChain> Build(ChainEvents ev) => ChainBuilder.Build(ev.Events, NoMatches, Options);

    private static string Pid(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A btmp record (sshd's failed login: LOGIN_PROCESS on <c>ssh:notty</c>).</summary>
    private static EventRecord Btmp(ChainEvents ev, long record, double minutes, string user, string ip = Attacker) =>
        ev.AddRecord("web01", ParserNames.Utmp, "var/log/btmp", record, minutes, $"[6] [{Pid(40000 + (int)record)}] [    ] [{user}] [ssh:notty] [{ip}] [{ip}]",
            (FieldNames.Event, LoginRecordEvents.LoginFailed), (LoginRecordFields.RecordType, "LOGIN_PROCESS"), (FieldNames.Tty, "ssh:notty"),
            (FieldNames.Pid, Pid(40000 + (int)record)), (FieldNames.SrcIp, ip), (FieldNames.User, user));

    /// <summary>A wtmp USER_PROCESS record with a remote host.</summary>
    private static EventRecord WtmpLogin(ChainEvents ev, long record, double minutes, string user, string ip, string tty = "pts/1") =>
        ev.AddRecord("web01", ParserNames.Utmp, "var/log/wtmp", record, minutes, $"[7] [02311] [ts/1] [{user}] [{tty}] [{ip}] [{ip}]",
            (FieldNames.Event, LoginRecordEvents.Login), (LoginRecordFields.RecordType, "USER_PROCESS"), (FieldNames.Tty, tty),
            (FieldNames.Pid, "2311"), (FieldNames.SrcIp, ip), (FieldNames.User, user));

    private static EventRecord WtmpBoot(ChainEvents ev, long record, double minutes) =>
        ev.AddRecord("web01", ParserNames.Utmp, "var/log/wtmp", record, minutes, "[2] [00000] [~~  ] [reboot] [~] [6.1.0-18-amd64]",
            (FieldNames.Event, LoginRecordEvents.Boot), (LoginRecordFields.RecordType, "BOOT_TIME"), (LoginRecordFields.Kernel, "6.1.0-18-amd64"));

    /// <summary>sshd's "Failed password" line of the same attempt.</summary>
    private static EventRecord FailedLine(ChainEvents ev, double minutes, string user, string ip = Attacker) =>
        ev.Add("web01", ParserNames.Auth, minutes, $"Failed password for {user} from {ip} port 40000 ssh2",
            (FieldNames.Event, AuthEvents.SshFailed), (FieldNames.User, user), (FieldNames.SrcIp, ip), (FieldNames.Pid, "2000"));

    /// <summary>Auth log lines before and after, so the log covers the whole test period.</summary>
    private static void AuthCoverage(ChainEvents ev, double from, double to)
    {
        ev.Add("web01", ParserNames.Auth, from, "pam_unix(cron:session): session opened for user root(uid=0) by root(uid=0)", (FieldNames.Event, AuthEvents.SessionOpen), (FieldNames.User, "root"));
        ev.Add("web01", ParserNames.Auth, to, "pam_unix(cron:session): session opened for user root(uid=0) by root(uid=0)", (FieldNames.Event, AuthEvents.SessionOpen), (FieldNames.User, "root"));
    }

    [Fact]
    public void BtmpAndWtmpAloneGiveABruteForceEntry()
    {
        var ev = new ChainEvents();
        WtmpBoot(ev, 1, -600);
        for (var i = 0; i < 12; i++) Btmp(ev, i + 1, i * 0.2, i % 2 == 0 ? "root" : "admin");
        WtmpLogin(ev, 2, 3, "root", Attacker);
        ev.CronCmd("web01", 6, "root", Miner);
        var chain = Assert.Single(Build(ev));
        Assert.NotNull(chain.Entry);
        Assert.Equal(AnalyticKinds.SshBruteforceSuccess, chain.Entry!.Kind);
        Assert.Equal((Attacker, "root"), (chain.Entry.SourceIp, chain.Entry.User));
        Assert.Equal(ChainEvents.T0.AddMinutes(3).Ticks, chain.Entry.Ticks);
        Assert.Contains("12 failed logons", chain.Entry.Why, StringComparison.Ordinal);
        Assert.Contains("admin", chain.Entry.Why, StringComparison.Ordinal);
        Assert.Equal(AttackPhase.Entry, chain.Steps[0].Phase);
    }

    [Fact]
    public void AFailureToldByBothTheLogAndBtmpIsCountedOnce()
    {
        var ev = new ChainEvents();
        for (var i = 0; i < 6; i++)
        {
            FailedLine(ev, i * 0.5, "root");
            // btmp's record of the same attempt, a few milliseconds later (and one a second before its line).
            Btmp(ev, i + 1, i * 0.5 + (i == 3 ? -1.0 / 60 : 0.004 / 60), "root");
        }
        ev.Accepted("web01", 4, "root", Attacker);
        WtmpLogin(ev, 1, 4 + 0.01 / 60, "root", Attacker);
        ev.CronCmd("web01", 6, "root", Miner);
        var chain = Assert.Single(Build(ev));
        Assert.Equal(AnalyticKinds.SshBruteforceSuccess, chain.Entry!.Kind);
        Assert.Contains("6 failed logons", chain.Entry.Why, StringComparison.Ordinal);
        // The wtmp record of the accepted logon is the same logon: one entry, the sshd line, no runner-up from wtmp.
        Assert.Equal(ChainEvents.T0.AddMinutes(4).Ticks, chain.Entry.Ticks);
        Assert.DoesNotContain(chain.RunnersUp, r => r.SourceIp == Attacker && r.User == "root");
    }

    [Fact]
    public void DifferentUsersOrAddressesAreNotPaired()
    {
        var ev = new ChainEvents();
        for (var i = 0; i < 3; i++)
        {
            FailedLine(ev, i * 0.5, "root");
            Btmp(ev, i + 1, i * 0.5, "admin");
        }
        ev.Accepted("web01", 4, "root", Attacker);
        ev.CronCmd("web01", 6, "root", Miner);
        var chain = Assert.Single(Build(ev));
        Assert.Contains("6 failed logons", chain.Entry!.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AWtmpLoginMissingFromTheAuthLogIsAGap()
    {
        var ev = new ChainEvents();
        AuthCoverage(ev, -120, 240);
        WtmpBoot(ev, 1, -100);
        ev.Failures("web01", Attacker, 0, 8, "root");
        ev.Accepted("web01", 2, "root", Attacker);
        WtmpLogin(ev, 2, 2 + 0.01 / 60, "root", Attacker);
        // A second login only wtmp tells: its sshd lines were cut out of the log.
        WtmpLogin(ev, 3, 60, "root", "198.51.100.23");
        ev.CronCmd("web01", 6, "root", Miner);
        var chain = Assert.Single(Build(ev));
        var gap = Assert.Single(chain.Gaps, g => g.Kind == "login-not-in-auth-log");
        Assert.Contains("198.51.100.23", gap.Summary, StringComparison.Ordinal);
        Assert.Contains("'root'", gap.Summary, StringComparison.Ordinal);
        Assert.Contains("wtmp", gap.Summary, StringComparison.Ordinal);
        Assert.Contains("possible tampering", gap.Summary, StringComparison.Ordinal);
        Assert.Equal(ChainEvents.T0.AddMinutes(60).Ticks, gap.FromTicks);
        Assert.DoesNotContain(chain.Gaps, g => g.Kind == "login-not-in-wtmp");
    }

    [Fact]
    public void AnIdenticalPairGivesNoGap()
    {
        var ev = new ChainEvents();
        AuthCoverage(ev, -120, 240);
        WtmpBoot(ev, 1, -100);
        ev.Failures("web01", Attacker, 0, 8, "root");
        ev.Accepted("web01", 2, "root", Attacker);
        WtmpLogin(ev, 2, 2 + 0.01 / 60, "root", Attacker);
        ev.Accepted("web01", 60, "deploy", "198.51.100.10", "publickey", null, "5000");
        WtmpLogin(ev, 3, 60 + 0.02 / 60, "deploy", "198.51.100.10");
        WtmpBoot(ev, 4, 200);
        ev.CronCmd("web01", 6, "root", Miner);
        var chain = Assert.Single(Build(ev));
        Assert.DoesNotContain(chain.Gaps, g => g.Kind.StartsWith("login-", StringComparison.Ordinal));
    }

    [Fact]
    public void AnSshdLogonWithoutAWtmpRecordIsAGapThatSaysWhichSourceLacksIt()
    {
        var ev = new ChainEvents();
        AuthCoverage(ev, -120, 240);
        WtmpBoot(ev, 1, -100);
        ev.Failures("web01", Attacker, 0, 8, "root");
        ev.Accepted("web01", 2, "root", Attacker);
        WtmpLogin(ev, 2, 2 + 0.01 / 60, "root", Attacker);
        ev.Accepted("web01", 60, "root", "198.51.100.23", "publickey", null, "5001");
        WtmpBoot(ev, 3, 200);
        ev.CronCmd("web01", 6, "root", Miner);
        var gap = Assert.Single(Assert.Single(Build(ev)).Gaps, g => g.Kind == "login-not-in-wtmp");
        Assert.Contains("198.51.100.23", gap.Summary, StringComparison.Ordinal);
        Assert.Contains("no record in /evidence/web01/var/log/wtmp", gap.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NoGapWhereOneSourceDoesNotCoverThePeriod()
    {
        var ev = new ChainEvents();
        // The auth log starts at minute 0 (rotated): a wtmp login an hour before it is not "missing" from it.
        ev.Failures("web01", Attacker, 0, 8, "root");
        ev.Accepted("web01", 2, "root", Attacker);
        WtmpLogin(ev, 1, -60, "alice", "198.51.100.30");
        WtmpLogin(ev, 2, 2 + 0.01 / 60, "root", Attacker);
        // wtmp ends at minute 2 (wiped after?): a later sshd logon is not "missing" from wtmp either.
        ev.Accepted("web01", 90, "deploy", "198.51.100.10", "publickey", null, "5000");
        ev.CronCmd("web01", 6, "root", Miner);
        ev.Add("web01", ParserNames.Auth, 120, "late line", (FieldNames.Event, AuthEvents.SessionOpen), (FieldNames.User, "root"));
        var chain = Assert.Single(Build(ev));
        Assert.DoesNotContain(chain.Gaps, g => g.Kind.StartsWith("login-", StringComparison.Ordinal));
    }

    [Fact]
    public void ZeroedRecordsInWtmpAreAGapWithTheirTimes()
    {
        var ev = new ChainEvents();
        ev.Failures("web01", Attacker, 0, 8, "root");
        ev.Accepted("web01", 2, "root", Attacker);
        WtmpBoot(ev, 1, -100);
        WtmpLogin(ev, 2, 2 + 0.01 / 60, "root", Attacker);
        // Records 3–5 were zeroed (the parser skips all-zero records): the numbers jump.
        WtmpLogin(ev, 6, 50, "deploy", "198.51.100.10");
        ev.CronCmd("web01", 6, "root", Miner);
        var gap = Assert.Single(Assert.Single(Build(ev)).Gaps, g => g.Kind == "login-records-missing");
        Assert.Contains("record(s) 3–5", gap.Summary, StringComparison.Ordinal);
        Assert.InRange(gap.FromTicks!.Value, ChainEvents.T0.AddMinutes(2).Ticks, ChainEvents.T0.AddMinutes(2).Ticks + TimeSpan.TicksPerSecond);
        Assert.Equal(ChainEvents.T0.AddMinutes(50).Ticks, gap.ToTicks);
    }

    [Fact]
    public void ManyMissingLoginsAreListedUpToABoundThenCounted()
    {
        var ev = new ChainEvents();
        AuthCoverage(ev, -120, 2000);
        WtmpBoot(ev, 1, -100);
        ev.Failures("web01", Attacker, 0, 8, "root");
        ev.Accepted("web01", 2, "root", Attacker);
        WtmpLogin(ev, 2, 2 + 0.01 / 60, "root", Attacker);
        for (var i = 0; i < 40; i++) WtmpLogin(ev, 3 + i, 10 + i * 10, "ops", "198.51.100.40");
        ev.CronCmd("web01", 6, "root", Miner);
        var gaps = Assert.Single(Build(ev)).Gaps.Where(g => g.Kind == "login-not-in-auth-log").ToList();
        Assert.Equal(LoginTrail.MaxGapsPerKind + 1, gaps.Count);
        Assert.Contains("24 more login(s)", gaps[^1].Summary, StringComparison.Ordinal);
    }
}
