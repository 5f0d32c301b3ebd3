using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// <c>windows/evtx</c> events, by the reader's normalized <c>event</c> name with the native fields as
/// fallback: failed logons (4625) tallied per source address — or per workstation name when NLA
/// leaves the address as <c>-</c> — successful remote logons (4624 types 10 and 3), service installs
/// (7045/4697, WinRing0), scheduled tasks (4698), process command lines (4688, Sysmon 1, 4104) and log
/// clearing (1102/104). Threat-notes §1.1, §1.4, §1.8.
/// </summary>
public sealed class WindowsAnalytic(CommandAnalytic commands, PhaseMap phases, IndicatorCatalog indicators, EvidencePatterns patterns) : IEventAnalytic
{
    public bool Handles(string parser) => parser == ParserNames.Evtx;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        var id = f.Get(WindowsFieldNames.EventId);
        var kind = f.Get(FieldNames.Event) ?? id switch
        {
            "4625" => WindowsEvents.LogonFailed,
            "4624" => WindowsEvents.LogonSuccess,
            "7045" or "4697" => WindowsEvents.ServiceInstall,
            "4698" => WindowsEvents.TaskCreate,
            "4688" => WindowsEvents.ProcessCreate,
            "1102" or "104" => WindowsEvents.LogCleared,
            _ => null,
        };
        switch (kind)
        {
            case WindowsEvents.LogonFailed:
            {
                var source = Source(f);
                if (source is null) return null;
                var tally = host.Source(source, e.Ticks ?? 0);
                tally.Fail(e.Ticks, f.Get(FieldNames.User) ?? f.Get(WindowsFieldNames.TargetUserName));
                return null;
            }
            case WindowsEvents.LogonSuccess:
                Logon(e, host);
                return null;
            case WindowsEvents.ServiceInstall:
            {
                var name = f.Get(FieldNames.ServiceName) ?? f.Get(WindowsFieldNames.ServiceName) ?? "";
                var image = f.Get(WindowsFieldNames.ImagePath) ?? f.Get(WindowsFieldNames.ServiceFileName) ?? f.Get(FieldNames.Command) ?? "";
                var known = indicators.Service(name) ?? indicators.Service(image[(Math.Max(image.LastIndexOf('\\'), image.LastIndexOf('/')) + 1)..]);
                Signal? s;
                if (known is not null)
                {
                    s = Signal.From(e, $"{name} {image}", AttackPhase.Mining, AnalyticKinds.WinRing0, $"service '{name}' installed ({image})",
                        $"{known.Note}: XMRig installs it when it starts with administrator rights ({known.Source})", 0.9, true);
                    s.MiningRun = true;
                }
                else
                {
                    s = CommandSignals.From(e, image, commands.Analyze(image, persistenceEntry: true), phases, $"service '{name}'", AttackPhase.Persistence);
                    var odd = patterns.Matches("windows-service-folders", image);
                    if (s is null && odd) s = Signal.From(e, image, AttackPhase.Persistence, AnalyticKinds.Service, $"service '{name}' installed ({image})", "a service binary in a user-writable folder", 0.7, true);
                    if (s is null) return null;
                }
                s.Kind = s.Kind == AnalyticKinds.WinRing0 ? s.Kind : AnalyticKinds.Service;
                s.Facts["service"] = name;
                return host.Add(s);
            }
            case WindowsEvents.TaskCreate:
            {
                var name = f.Get(FieldNames.TaskName) ?? f.Get(WindowsFieldNames.TaskName) ?? "";
                var command = f.Get(FieldNames.Command) ?? f.Get(WindowsFieldNames.TaskContent) ?? "";
                var s = CommandSignals.From(e, command, commands.Analyze(command, persistenceEntry: true), phases, $"scheduled task '{name}'", AttackPhase.Persistence);
                if (s is null) return null;
                s.Kind = AnalyticKinds.Task;
                s.Facts["task"] = name;
                return host.Add(s);
            }
            case WindowsEvents.LogCleared:
            {
                var channel = f.Get(WindowsFieldNames.Channel) ?? "";
                var s = Signal.From(e, e.Message, AttackPhase.Evasion, AnalyticKinds.LogCleared, $"{(id == "104" ? "an event log" : "the Security log")} cleared by {f.Get(FieldNames.User) ?? f.Get(WindowsFieldNames.SubjectUserName) ?? "?"} ({channel} {id})",
                    "events before this moment were destroyed: an evidence horizon (threat-notes §1.5, 1102/104)", 0.9, true);
                return host.Add(s);
            }
            default:
            {
                if ((f.Get(WindowsFieldNames.SubjectUserSid) is { Length: > 0 } sid) && (f.Get(WindowsFieldNames.SubjectUserName) is { Length: > 0 } subject) && subject != "-") host.NameSid(sid, subject);
                if (f.Get(FieldNames.Command) is not { } command) return null;
                var user = UserOf(f, host);
                var s = CommandSignals.From(e, command, commands.Analyze(command), phases, kind == WindowsEvents.ScriptBlock || id == "4104" ? $"PowerShell script block of {user ?? "?"}" : $"process of {user ?? "?"}");
                if (s is null) return null;
                s.User ??= user;
                return host.Add(s, $"proc|{command}");
            }
        }
    }

    /// <summary>The account of an event: the reader's <c>user</c>, the subject's name, or the System <c>UserID</c> SID resolved through the logons seen (4104 carries only the SID).</summary>
    private static string? UserOf(IReadOnlyDictionary<string, string> f, HostEvidence host)
    {
        if (f.GetValueOrDefault(FieldNames.User) is { Length: > 0 } user && user != "-") return user;
        if (f.GetValueOrDefault(WindowsFieldNames.SubjectUserName) is { Length: > 0 } subject && subject != "-") return subject;
        if (f.GetValueOrDefault("UserID") is not { Length: > 0 } sid) return null;
        return WellKnownSids.TryGetValue(sid, out var known) ? known : host.SidName(sid) ?? sid;
    }

    private static readonly Dictionary<string, string> WellKnownSids = new(StringComparer.OrdinalIgnoreCase)
    {
        ["S-1-5-18"] = "SYSTEM", ["S-1-5-19"] = "LOCAL SERVICE", ["S-1-5-20"] = "NETWORK SERVICE",
    };

    private static string? Source(IReadOnlyDictionary<string, string> f)
    {
        var ip = f.GetValueOrDefault(FieldNames.SrcIp) ?? f.GetValueOrDefault(WindowsFieldNames.IpAddress);
        if (ip is { Length: > 0 } && ip != "-" && ip != "127.0.0.1" && ip != "::1") return ip;
        var ws = f.GetValueOrDefault(FieldNames.Workstation) ?? f.GetValueOrDefault(WindowsFieldNames.WorkstationName);
        return ws is { Length: > 0 } && ws != "-" ? "workstation:" + ws : null;
    }

    /// <summary>How close an RDP session logon (type 10) follows the NLA network logon (type 3) of the same connection.</summary>
    private static readonly long NlaPairing = TimeSpan.FromSeconds(10).Ticks;

    private static void Logon(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        var type = f.Get(FieldNames.LogonType) ?? f.Get(WindowsFieldNames.LogonType);
        var user = f.Get(FieldNames.User) ?? f.Get(WindowsFieldNames.TargetUserName);
        if ((f.Get(WindowsFieldNames.TargetUserSid) ?? f.Get(FieldNames.UserSid)) is { Length: > 0 } sid && user is { Length: > 0 } && user != "-") host.NameSid(sid, user);
        if (type is not ("10" or "3") || e.Ticks is not { } t) return;
        var source = Source(f);
        if (source is null || user is null || user.EndsWith('$') || user is "ANONYMOUS LOGON") return;
        var ip = source.StartsWith("workstation:", StringComparison.Ordinal) ? null : source;
        // With NLA the failures name the client's workstation, not its address (threat-notes §1.1): a logon
        // that gives both counts the failures of both.
        var ws = f.Get(FieldNames.Workstation) ?? f.Get(WindowsFieldNames.WorkstationName);
        var tallies = new List<(string Label, SourceTally Tally)>();
        if (host.Sources.TryGetValue(source, out var own)) tallies.Add((ip ?? $"workstation '{ws}'", own));
        if (ip is not null && ws is { Length: > 0 } && ws != "-" && host.Sources.TryGetValue("workstation:" + ws, out var byName) && !ReferenceEquals(byName, own))
            tallies.Add(($"workstation '{ws}' (NLA, no address logged)", byName));
        // One RDP connection with NLA logs a type 3 network logon and, a second later, the type 10 session
        // logon for the same user and address: one access, told by the session logon.
        var preceding = type == "10" && ip is not null
            ? host.Logins.LastOrDefault(l => l.Method == "network" && l.Preceding is null && l.User == user && l.SourceIp == ip && t - l.Ticks >= 0 && t - l.Ticks <= NlaPairing)
            : null;
        var failures = tallies.Sum(x => x.Tally.Failures);
        var users = tallies.SelectMany(x => x.Tally.Users).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var firstFail = tallies.Select(x => x.Tally.FirstFailTicks).Min();
        var lastFail = tallies.Select(x => x.Tally.LastFailTicks).Max();
        string? sources = tallies.Count(x => x.Tally.Failures > 0) > 1 ? string.Join(" and ", tallies.Where(x => x.Tally.Failures > 0).Select(x => $"{x.Tally.Failures} from {x.Label}")) : null;
        if (preceding is not null && preceding.FailuresBefore > failures)
        {
            failures = preceding.FailuresBefore;
            users = preceding.UsersTried.ToList();
            firstFail = preceding.FailFirstTicks;
            lastFail = preceding.FailLastTicks;
            sources = preceding.FailureSources;
        }
        var known = tallies.Count > 0 || preceding is not null;
        var login = new Login
        {
            EventId = e.Id,
            Ticks = t,
            TimeQuality = e.TimeQuality,
            Origin = e.Origin,
            User = user,
            SourceIp = ip,
            Method = type == "10" ? "rdp" : "network",
            SessionKey = f.Get(FieldNames.LogonId) is { } lid ? "logon:" + lid : null,
            FailuresBefore = failures,
            UsersTried = users,
            FailFirstTicks = firstFail,
            FailLastTicks = lastFail,
            FailureSources = sources,
            NewSource = preceding?.NewSource ?? (!known && host.HasBaselineBefore(t)),
            Preceding = preceding,
        };
        if (preceding is not null)
        {
            login.RuleIds.AddRange(preceding.RuleIds);
            host.Forget(preceding);
        }
        own ??= host.Source(source, t);
        if (f.Get(FieldNames.KeyFingerprint) is { } fp) host.SawKey(user + "|" + fp, t);
        if (preceding is null) own.Successes++;
        host.Keep(login, login.FailuresBefore >= host.Options.BruteForceMinFailures || login.NewSource || type == "10");
    }
}
