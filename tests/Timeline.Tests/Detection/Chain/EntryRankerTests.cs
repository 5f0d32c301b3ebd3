using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Core.Vocabulary;
using Timeline.Detection.Chain;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>
/// <see cref="EntryRanker"/> on hand-built evidence: each candidate kind with its exact confidence,
/// summary and <c>why</c>; the confidence adjustments (session covering the start +0.05, ended more than
/// ten minutes before it −0.2, cron errors +0.05, a logon open during service exploitation −0.3, the
/// 0.05..0.99 clamp); and the window edges (one minute after the start, the 24 h lookback, the session
/// end) exactly on the edge and one tick beyond it.
/// </summary>
public sealed class EntryRankerTests
{
    private static readonly ChainOptions Options = new();
    private static readonly DateTime HostStart = new(2024, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    /// <summary>The first attacker activity: two hours after the host's first event (2024-06-01T12:00:00Z).</summary>
    private static readonly long Start = HostStart.AddHours(2).Ticks;
    private static readonly long Slack = TimeSpan.TicksPerMinute;
    private static readonly long Lookback = Options.EntryLookback.Ticks;
    private const string Ip = "203.0.113.5";
    private int _position;

    private HostEvidence Host(params Login[] logins)
    {
        var host = new HostEvidence("h1", Options);
        host.Saw(new EventRecord
        {
            Ticks = HostStart.Ticks,
            TimeQuality = TimeQuality.Exact,
            Host = "h1",
            Parser = ParserNames.Syslog,
            Message = "first line",
            Fields = new FieldSet(),
            Origin = new Origin("/evidence/h1/syslog", new string('a', 64), 1),
        });
        foreach (var l in logins) host.Keep(l, remarkable: true);
        return host;
    }

    private Login Logon(long ticks, string user = "deploy", string method = "publickey", string? ip = Ip, long? close = null,
        int failures = 0, bool newKey = false, bool newSource = false, IReadOnlyList<string>? usersTried = null,
        long? failFirst = null, long? failLast = null, string? failureSources = null, Login? preceding = null,
        PositionKind kind = PositionKind.Line) => new()
        {
            EventId = $"login{++_position}",
            Ticks = ticks,
            TimeQuality = TimeQuality.Exact,
            Origin = new Origin("/evidence/h1/auth.log", new string('b', 64), 100 + _position, kind),
            User = user,
            SourceIp = ip,
            Method = method,
            KeyFingerprint = newKey ? "SHA256:abc" : null,
            FailuresBefore = failures,
            UsersTried = usersTried ?? [],
            FailFirstTicks = failFirst,
            FailLastTicks = failLast,
            NewKey = newKey,
            NewSource = newSource,
            FailureSources = failureSources,
            Preceding = preceding,
            CloseTicks = close,
        };

    private Signal Activity(long? ticks, string kind, string parser = ParserNames.Cron, AttackPhase phase = AttackPhase.Persistence,
        string? user = null, string? owner = null, TimeQuality quality = TimeQuality.Exact)
    {
        var s = new Signal
        {
            EventId = $"signal{++_position}",
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = quality,
            Origin = new Origin("/evidence/h1/cron.log", new string('d', 64), 200 + _position),
            Parser = parser,
            User = user,
            Text = "text",
            Phase = phase,
            Kind = kind,
            Summary = $"{kind} summary",
            Why = "why",
        };
        if (owner is not null) s.Facts["owner"] = owner;
        return s;
    }

    private static IReadOnlyList<EntryCandidate> Rank(HostEvidence host, long? start = null, Signal? first = null, IReadOnlyList<LateralMove>? inbound = null) =>
        new EntryRanker(Options).Rank(host, start, first, inbound ?? []);

    private static EntryPoint Only(IReadOnlyList<EntryCandidate> ranked) => Assert.Single(ranked).Point;

    // ---- each logon kind: exact confidence, summary and why ----

    [Fact]
    public void ABruteForceSuccessCoveringTheStartNamesFailuresWindowAndUsers()
    {
        var first = HostStart.AddHours(1).Ticks;
        var login = Logon(Start - 5 * TimeSpan.TicksPerMinute, user: "root", method: "password", close: Start + 1, failures: 7,
            usersTried: ["root", "admin"], failFirst: first, failLast: first + 2 * TimeSpan.TicksPerMinute, failureSources: "the address and workstation KALI");
        var p = Only(Rank(Host(login), Start));
        Assert.Equal("ssh-bruteforce-success", p.Kind);
        Assert.Equal(0.95, p.Confidence);
        Assert.Equal($"SSH logon (password) as 'root' from {Ip} after a brute force", p.Summary);
        Assert.Equal($"7 failed logons from {Ip} (the address and workstation KALI) between 2024-06-01T11:00:00Z and 2024-06-01T11:02:00Z (2 min), trying 2 user name(s): root, admin; then this success as 'root'", p.Why);
        Assert.Equal((login.EventId, login.Ticks, Ip, "root"), (p.EventId, p.Ticks, p.SourceIp, p.User));
    }

    [Theory]
    [InlineData("rdp", "rdp-bruteforce-success", "RDP logon")]
    [InlineData("network", "rdp-bruteforce-success", "network logon")]
    [InlineData("keyboard-interactive/pam", "ssh-bruteforce-success", "SSH logon (keyboard-interactive/pam)")]
    public void TheBruteForceKindAndWordingFollowTheLogonMethod(string method, string kind, string how)
    {
        var p = Only(Rank(Host(Logon(Start, method: method, ip: null, failures: Options.BruteForceMinFailures))));
        Assert.Equal(kind, p.Kind);
        Assert.Equal(0.9, p.Confidence);
        Assert.Equal($"{how} as 'deploy' from an unknown address after a brute force", p.Summary);
        Assert.Equal($"{Options.BruteForceMinFailures} failed logons from an unknown address; then this success as 'deploy'", p.Why);
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    public void MoreThanEightUserNamesTriedAreCutWithAnEllipsis(int count, bool ellipsis)
    {
        var users = Enumerable.Range(1, count).Select(i => $"u{i}").ToList();
        var p = Only(Rank(Host(Logon(Start, failures: 10, usersTried: users))));
        var listed = string.Join(", ", users.Take(8)) + (ellipsis ? ", …" : "");
        Assert.Equal($"10 failed logons from {Ip}, trying {count} user name(s): {listed}; then this success as 'deploy'", p.Why);
    }

    [Theory]
    [InlineData(PositionKind.Record, "record")]
    [InlineData(PositionKind.Line, "line")]
    public void AnNlaNetworkLogonFoldedIntoTheSessionIsNamedWithItsPosition(PositionKind kind, string word)
    {
        var nla = Logon(Start - TimeSpan.TicksPerSecond, method: "network", kind: kind);
        var login = Logon(Start, method: "rdp", failures: 5, preceding: nla);
        var p = Only(Rank(Host(login)));
        Assert.Equal($"5 failed logons from {Ip}; then this success as 'deploy' (one RDP connection: the NLA network logon at 2024-06-01T11:59:59Z, auth.log {word} {nla.Origin.Position}, then this session logon)", p.Why);
    }

    [Fact]
    public void ALogonMatchedToAnOutboundSshIsLateralWithTheMovesConfidenceAndWhy()
    {
        var login = Logon(Start, close: Start + 1);
        var move = new LateralMove("web1", "h1", null, login, "ssh from web1 as deploy at 11:59", 0.85);
        var p = Only(Rank(Host(login), Start, null, [move]));
        Assert.Equal("lateral", p.Kind);
        Assert.Equal(0.9, p.Confidence);
        Assert.Equal($"SSH logon (publickey) as 'deploy' from {Ip}, coming from web1", p.Summary);
        Assert.Equal("ssh from web1 as deploy at 11:59", p.Why);
    }

    [Theory]
    [InlineData(0.97, 0.99)]
    [InlineData(0.1, 0.05)]
    public void ConfidenceIsClampedToFiveAndNinetyNineHundredths(double moveConfidence, double expected)
    {
        // 0.97 + 0.05 (covers the start) → 0.99; 0.1 − 0.2 (ended long before) → 0.05.
        var covering = moveConfidence > 0.5;
        var login = Logon(Start - 2 * TimeSpan.TicksPerHour, close: covering ? Start : Start - TimeSpan.TicksPerHour);
        var move = new LateralMove("web1", "h1", null, login, "via", moveConfidence);
        Assert.Equal(expected, Only(Rank(Host(login), Start, null, [move])).Confidence);
    }

    [Fact]
    public void AFirstSeenKeyIsANewKeyCandidate()
    {
        var login = Logon(Start - TimeSpan.TicksPerHour, newKey: true, newSource: true);
        var p = Only(Rank(Host(login), Start));
        Assert.Equal("new-key", p.Kind);
        Assert.Equal(0.65, p.Confidence);
        Assert.Equal($"SSH logon (publickey) as 'deploy' from {Ip} with a key never seen before", p.Summary);
        Assert.Equal("key SHA256:abc had not been used for 'deploy' on this host before 2024-06-01T11:00:00Z (the host was logging since 2024-06-01T10:00:00Z)", p.Why);
    }

    [Fact]
    public void AFirstSeenAddressIsANewSourceCandidate()
    {
        var login = Logon(Start - TimeSpan.TicksPerHour, newSource: true);
        var p = Only(Rank(Host(login), Start));
        Assert.Equal("new-source", p.Kind);
        Assert.Equal(0.55, p.Confidence);
        Assert.Equal($"SSH logon (publickey) as 'deploy' from a new address {Ip}", p.Summary);
        Assert.Equal($"{Ip} appears in no logon before this one (the host was logging since 2024-06-01T10:00:00Z)", p.Why);
    }

    [Fact]
    public void APlainLogonWhoseSessionCoversTheStartIsASessionCandidate()
    {
        var p = Only(Rank(Host(Logon(Start - TimeSpan.TicksPerHour)), Start));
        Assert.Equal("session", p.Kind);
        Assert.Equal(0.3, p.Confidence);
        Assert.Equal($"SSH logon (publickey) as 'deploy' from {Ip}", p.Summary);
        Assert.Equal("the session was open when the first attacker activity happened (2024-06-01T12:00:00Z)", p.Why);
    }

    // ---- adjustments and edges ----

    public static TheoryData<long, double> SessionEnds() => new()
    {
        { 0, 0.65 },                                      // closes exactly at the start: covers it, +0.05
        { -1, 0.6 },                                      // one tick before: neither covers nor ended long before
        { -10 * TimeSpan.TicksPerMinute, 0.6 },           // exactly ten minutes before: not "ended well before"
        { -10 * TimeSpan.TicksPerMinute - 1, 0.4 },       // one tick more: ended, -0.2
    };

    [Theory]
    [MemberData(nameof(SessionEnds))]
    public void TheSessionEndDecidesTheAdjustment(long closeFromStart, double expected)
    {
        var login = Logon(Start - TimeSpan.TicksPerHour, newKey: true, close: Start + closeFromStart);
        Assert.Equal(expected, Only(Rank(Host(login), Start)).Confidence);
    }

    [Fact]
    public void AnOpenSessionCoversTheStartUntilTheLongestSessionEnds()
    {
        var atMax = Logon(Start - Options.SessionMax.Ticks);
        var pastMax = Logon(Start - Options.SessionMax.Ticks - 1);
        Assert.Equal("session", Only(Rank(Host(atMax), Start)).Kind);
        Assert.Empty(Rank(Host(pastMax), Start));
    }

    [Theory]
    [InlineData(null, ParserNames.BashHistory, 0.65)]
    [InlineData("deploy", ParserNames.BashHistory, 0.65)]
    [InlineData("other", ParserNames.BashHistory, 0.6)]
    [InlineData("other", ParserNames.Cron, 0.65)]
    public void OnlyTheSameUserOrCronWorkGainsTheCoveringBonus(string? firstUser, string firstParser, double expected)
    {
        var login = Logon(Start - TimeSpan.TicksPerHour, newKey: true);
        var first = Activity(Start, "history", parser: firstParser, phase: AttackPhase.Execution, user: firstUser);
        var ranked = Rank(Host(login), Start, first);
        Assert.Equal(expected, ranked.Single(c => c.Login is not null).Point.Confidence);
    }

    [Fact]
    public void APlainLogonOfAnotherUserIsNoCandidate() =>
        Assert.Empty(Rank(Host(Logon(Start - TimeSpan.TicksPerHour)), Start, Activity(Start, "history", parser: ParserNames.BashHistory, phase: AttackPhase.Execution, user: "other")));

    [Theory]
    [InlineData(0L, true)]
    [InlineData(1L, false)]
    public void ALogonUpToAMinuteAfterTheStartCounts(long ticksPastSlack, bool kept)
    {
        var ranked = Rank(Host(Logon(Start + Slack + ticksPastSlack)), Start);
        if (kept) Assert.Equal("session", Only(ranked).Kind);
        else Assert.Empty(ranked);
    }

    [Theory]
    [InlineData(0L, true)]
    [InlineData(1L, false)]
    public void ALogonUpToTheLookbackBeforeTheStartCounts(long ticksBeyond, bool kept)
    {
        var ranked = Rank(Host(Logon(Start - Lookback - ticksBeyond, newSource: true)), Start);
        if (kept) Assert.Equal(("new-source", 0.5), (Only(ranked).Kind, Only(ranked).Confidence));
        else Assert.Empty(ranked);
    }

    [Fact]
    public void WithoutAStartEveryRemarkableLogonIsACandidateAndNoneCoversIt()
    {
        var early = Logon(HostStart.AddDays(-3).Ticks, newSource: true);
        var late = Logon(HostStart.AddDays(3).Ticks, newKey: true);
        var plain = Logon(HostStart.Ticks);
        var ranked = Rank(Host(early, late, plain));
        Assert.Equal([("new-key", 0.6), ("new-source", 0.5)], ranked.Select(c => (c.Point.Kind, c.Point.Confidence)));
    }

    [Fact]
    public void EqualConfidenceIsRankedByTimeEarliestFirst()
    {
        var later = Logon(Start - TimeSpan.TicksPerHour, newSource: true);
        var earlier = Logon(Start - 2 * TimeSpan.TicksPerHour, newSource: true);
        var ranked = Rank(Host(later, earlier), Start);
        Assert.Equal([earlier.EventId, later.EventId], ranked.Select(c => c.Point.EventId));
    }

    [Fact]
    public void AnEqualServiceCandidateEarlierThanTheLogonRanksFirst()
    {
        // The logon loop adds candidates in time order, the service candidate after them: only the time
        // tie-break puts the earlier service first. new-source of another user: 0.5; service with a logon open: 0.8 − 0.3.
        var host = Host(Logon(Start - TimeSpan.TicksPerHour, user: "admin", newSource: true));
        var service = Activity(Start - 2 * TimeSpan.TicksPerHour, "service-cron", owner: "redis");
        host.Add(service);
        var ranked = Rank(host, Start, Activity(Start, "history", parser: ParserNames.BashHistory, phase: AttackPhase.Execution, user: "other"));
        Assert.Equal([("exploited-service", 0.5), ("new-source", 0.5)], ranked.Select(c => (c.Point.Kind, c.Point.Confidence)));
    }

    // ---- exploited service ----

    [Fact]
    public void CronWorkOfAServiceAccountIsAnExploitedService()
    {
        var cron = Activity(Start, "service-cron", owner: "redis");
        var host = Host();
        host.Add(cron);
        var c = Assert.Single(Rank(host, Start, cron));
        Assert.Same(cron, c.Signal);
        Assert.Null(c.Login);
        var p = c.Point;
        Assert.Equal("exploited-service", p.Kind);
        Assert.Equal(0.8, p.Confidence);
        Assert.Equal("the 'redis' service was exploited and wrote cron persistence", p.Summary);
        Assert.Equal("cron work owned by the service account 'redis'; no logon precedes it", p.Why);
        Assert.Equal((cron.EventId, cron.Ticks, (string?)null, "redis"), (p.EventId, p.Ticks, p.SourceIp, p.User));
    }

    [Theory]
    [InlineData("root")]
    [InlineData("CRON")]
    [InlineData("")]
    public void RootCronOrNoOwnerIsNoServiceAccount(string owner)
    {
        var host = Host();
        host.Add(Activity(Start, "service-crontab", owner: owner));
        var p = Only(Rank(host, Start));
        Assert.Equal(("exploited-service", 0.65, "an exploited network service wrote cron persistence", "no logon precedes it", (string?)null),
            (p.Kind, p.Confidence, p.Summary, p.Why, p.User));
    }

    [Fact]
    public void CronParseErrorsAndRedisLinesAddToTheWhyAndErrorsToTheConfidence()
    {
        var host = Host();
        host.Add(Activity(Start, "cron-error"));
        host.Add(Activity(Start + 1, "cron-garbage"));
        host.Add(Activity(Start + 2, "redis-exploit", parser: ParserNames.Syslog));
        host.Add(Activity(Start + 3, "service-cron", owner: "redis"));
        var p = Only(Rank(host, Start));
        Assert.Equal(0.85, p.Confidence);
        Assert.Equal("cron work owned by the service account 'redis'; 2 kind(s) of cron parse errors on tables no crontab(1) wrote; Redis log lines of the cron-write or rogue-master technique; no logon precedes it", p.Why);
    }

    [Fact]
    public void ASignalFlaggedAsServiceCronCountsWhateverItsKind()
    {
        var host = Host();
        var s = Activity(Start, "crontab-entry", owner: "www-data");
        s.Facts["finding:service-cron"] = "yes";
        host.Add(Activity(Start - 1, "crontab-entry", owner: "postgres"));
        host.Add(s);
        var p = Only(Rank(host, Start));
        Assert.Equal(("exploited-service", 0.8, "www-data"), (p.Kind, p.Confidence, p.User));
    }

    [Fact]
    public void TheServiceEntryIsTheEarliestTimedServiceSignal()
    {
        var host = Host();
        var untimed = Activity(HostStart.Ticks, "service-cron", quality: TimeQuality.FileMtime);
        var later = Activity(Start + 10, "cron-error");
        var earlier = Activity(Start + 5, "service-cron");
        host.Add(untimed);
        host.Add(later);
        host.Add(earlier);
        Assert.Equal(earlier.EventId, Only(Rank(host, Start)).EventId);

        var onlyUntimed = Host();
        var a = Activity(Start + 10, "service-cron", quality: TimeQuality.OrderOnly);
        var b = Activity(Start + 5, "service-cron", quality: TimeQuality.FileMtime);
        onlyUntimed.Add(a);
        onlyUntimed.Add(b);
        Assert.Equal(b.EventId, Only(Rank(onlyUntimed, Start)).EventId);
    }

    [Theory]
    [InlineData(0, 0L, 0L, true)]           // logon exactly at the start + one minute
    [InlineData(0, 1L, 0L, false)]          // one tick later
    [InlineData(1, 0L, 0L, true)]           // logon exactly at the start - lookback, still open at the start
    [InlineData(1, -1L, 0L, false)]         // one tick before the lookback
    [InlineData(1, 0L, -1L, false)]         // closed one tick before the start
    public void ALogonOpenAtTheStartLowersTheServiceConfidence(int at, long shiftTicks, long closeShift, bool open)
    {
        var ticks = (at == 0 ? Start + Slack : Start - Lookback) + shiftTicks;
        // A plain logon of another user: no logon candidate, only the service's confidence changes.
        var host = Host(Logon(ticks, user: "admin", close: at == 0 ? null : Start + closeShift));
        host.Add(Activity(Start, "service-cron", owner: "redis"));
        var p = Rank(host, Start, Activity(Start, "history", parser: ParserNames.BashHistory, phase: AttackPhase.Execution, user: "other")).Single(c => c.Point.Kind == "exploited-service").Point;
        Assert.Equal(open ? 0.5 : 0.8, p.Confidence);
        Assert.EndsWith(open ? "; a logon session was open at the time, which lowers confidence" : "; no logon precedes it", p.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAStartNoLogonIsOpenDuringTheService()
    {
        var host = Host(Logon(Start, user: "admin"));
        host.Add(Activity(Start, "service-cron", owner: "redis"));
        Assert.Equal(0.8, Rank(host, null).Single(c => c.Point.Kind == "exploited-service").Point.Confidence);
    }

    // ---- persistence with no logon ----

    [Theory]
    [InlineData(ParserNames.Cron, AttackPhase.Persistence, true)]
    [InlineData(ParserNames.Crontab, AttackPhase.Mining, true)]
    [InlineData(ParserNames.Evtx, AttackPhase.Execution, true)]
    [InlineData(ParserNames.BashHistory, AttackPhase.Persistence, false)]
    [InlineData(ParserNames.Cron, AttackPhase.Evasion, false)]
    public void FirstPersistenceWithNoLogonBeforeIsACandidate(string parser, AttackPhase phase, bool candidate)
    {
        var first = Activity(Start, "cron-job", parser: parser, phase: phase, user: "deploy");
        var ranked = Rank(Host(), Start, first);
        if (!candidate)
        {
            Assert.Empty(ranked);
            return;
        }
        var c = Assert.Single(ranked);
        Assert.Same(first, c.Signal);
        Assert.Equal(("persistence-without-login", 0.45, "attacker activity with no logon before it", "deploy", first.EventId, first.Ticks),
            (c.Point.Kind, c.Point.Confidence, c.Point.Summary, c.Point.User, c.Point.EventId, c.Point.Ticks));
        Assert.Equal("the first attacker activity (cron-job summary) has no logon before it in the evidence: an exploited service, or a logon the evidence does not cover", c.Point.Why);
    }

    [Fact]
    public void PersistenceWithALogonOpenIsNoCandidateOfItsOwn()
    {
        var first = Activity(Start, "cron-job", user: "root");
        var ranked = Rank(Host(Logon(Start - TimeSpan.TicksPerHour, user: "admin")), Start, first);
        Assert.Equal(["session"], ranked.Select(c => c.Point.Kind));
    }

    [Fact]
    public void CandidatesAreOrderedByConfidence()
    {
        var first = Activity(Start, "cron-job", user: "deploy");
        var host = Host(Logon(Start - 3 * TimeSpan.TicksPerHour, user: "x", newSource: true, close: Start - TimeSpan.TicksPerHour),
            Logon(Start - 2 * TimeSpan.TicksPerHour, user: "y", failures: 6, close: Start + 1));
        var ranked = Rank(host, Start, first);
        Assert.Equal([("ssh-bruteforce-success", 0.95), ("new-source", 0.3)], ranked.Select(c => (c.Point.Kind, c.Point.Confidence)));
    }
}
