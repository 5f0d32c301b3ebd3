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
public sealed class WindowsAnalytic(CommandAnalytic commands, PhaseMap phases, IndicatorCatalog indicators) : IEventAnalytic
{
    public bool Handles(string parser) => parser == "windows/evtx";

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        var id = f.Get("EventID");
        var kind = f.Get("event") ?? id switch
        {
            "4625" => "logon_failed",
            "4624" => "logon_success",
            "7045" or "4697" => "service_install",
            "4698" => "task_create",
            "4688" => "process_create",
            "1102" or "104" => "log_cleared",
            _ => null,
        };
        switch (kind)
        {
            case "logon_failed":
            {
                var source = Source(f);
                if (source is null) return null;
                if (!host.Sources.TryGetValue(source, out var tally)) host.Sources[source] = tally = new SourceTally { FirstSeenTicks = e.Ticks ?? 0 };
                tally.Fail(e.Ticks, f.Get("user") ?? f.Get("TargetUserName"));
                return null;
            }
            case "logon_success":
                Logon(e, host);
                return null;
            case "service_install":
            {
                var name = f.Get("service_name") ?? f.Get("ServiceName") ?? "";
                var image = f.Get("ImagePath") ?? f.Get("ServiceFileName") ?? f.Get("command") ?? "";
                var known = indicators.Service(name) ?? indicators.Service(image[(Math.Max(image.LastIndexOf('\\'), image.LastIndexOf('/')) + 1)..]);
                Signal? s;
                if (known is not null)
                {
                    s = Signal.From(e, $"{name} {image}", AttackPhase.Mining, "winring0", $"service '{name}' installed ({image})",
                        $"{known.Note}: XMRig installs it when it starts with administrator rights ({known.Source})", 0.9, true);
                    s.MiningRun = true;
                }
                else
                {
                    s = CommandSignals.From(e, image, commands.Analyze(image, persistenceEntry: true), phases, $"service '{name}'", AttackPhase.Persistence);
                    var odd = image.Contains("\\Temp\\", StringComparison.OrdinalIgnoreCase) || image.Contains("\\AppData\\", StringComparison.OrdinalIgnoreCase) || image.Contains("\\ProgramData\\", StringComparison.OrdinalIgnoreCase) || image.Contains("\\Users\\Public\\", StringComparison.OrdinalIgnoreCase);
                    if (s is null && odd) s = Signal.From(e, image, AttackPhase.Persistence, "service", $"service '{name}' installed ({image})", "a service binary in a user-writable folder", 0.7, true);
                    if (s is null) return null;
                }
                s.Kind = s.Kind == "winring0" ? s.Kind : "service";
                s.Facts["service"] = name;
                return host.Add(s);
            }
            case "task_create":
            {
                var name = f.Get("task_name") ?? f.Get("TaskName") ?? "";
                var command = f.Get("command") ?? f.Get("TaskContent") ?? "";
                var s = CommandSignals.From(e, command, commands.Analyze(command, persistenceEntry: true), phases, $"scheduled task '{name}'", AttackPhase.Persistence);
                if (s is null) return null;
                s.Kind = "task";
                s.Facts["task"] = name;
                return host.Add(s);
            }
            case "log_cleared":
            {
                var channel = f.Get("Channel") ?? "";
                var s = Signal.From(e, e.Message, AttackPhase.Evasion, "log-cleared", $"{(id == "104" ? "an event log" : "the Security log")} cleared by {f.Get("user") ?? f.Get("SubjectUserName") ?? "?"} ({channel} {id})",
                    "events before this moment were destroyed: an evidence horizon (threat-notes §1.5, 1102/104)", 0.9, true);
                return host.Add(s);
            }
            default:
            {
                if (f.Get("command") is not { } command) return null;
                var s = CommandSignals.From(e, command, commands.Analyze(command), phases, $"process of {f.Get("user") ?? "?"}");
                return s is null ? null : host.Add(s, $"proc|{command}");
            }
        }
    }

    private static string? Source(IReadOnlyDictionary<string, string> f)
    {
        var ip = f.GetValueOrDefault("src_ip") ?? f.GetValueOrDefault("IpAddress");
        if (ip is { Length: > 0 } && ip != "-" && ip != "127.0.0.1" && ip != "::1") return ip;
        var ws = f.GetValueOrDefault("workstation") ?? f.GetValueOrDefault("WorkstationName");
        return ws is { Length: > 0 } && ws != "-" ? "workstation:" + ws : null;
    }

    private static void Logon(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        var type = f.Get("logon_type") ?? f.Get("LogonType");
        if (type is not ("10" or "3") || e.Ticks is not { } t) return;
        var source = Source(f);
        var user = f.Get("user") ?? f.Get("TargetUserName");
        if (source is null || user is null || user.EndsWith('$') || user is "ANONYMOUS LOGON") return;
        host.Sources.TryGetValue(source, out var tally);
        // With NLA the failures name the client's workstation, not its address (threat-notes §1.1).
        if ((f.Get("workstation") ?? f.Get("WorkstationName")) is { Length: > 0 } ws && host.Sources.TryGetValue("workstation:" + ws, out var byName) && byName.Failures > (tally?.Failures ?? 0))
            tally = byName;
        var ip = source.StartsWith("workstation:", StringComparison.Ordinal) ? null : source;
        var known = tally is not null;
        var login = new Login
        {
            EventId = e.Id,
            Ticks = t,
            TimeQuality = e.TimeQuality,
            Origin = e.Origin,
            User = user,
            SourceIp = ip,
            Method = type == "10" ? "rdp" : "network",
            SessionKey = f.Get("logon_id") is { } lid ? "logon:" + lid : null,
            FailuresBefore = tally?.Failures ?? 0,
            UsersTried = tally?.Users.Order(StringComparer.Ordinal).ToList() ?? [],
            FailFirstTicks = tally?.FirstFailTicks,
            FailLastTicks = tally?.LastFailTicks,
            NewSource = !known && host.HasBaselineBefore(t),
        };
        if (tally is null) host.Sources[source] = tally = new SourceTally { FirstSeenTicks = t };
        if (f.Get("key_fp") is { } fp) host.KeysSeen.TryAdd(user + "|" + fp, t);
        tally.Successes++;
        host.Keep(login, login.FailuresBefore >= host.Options.BruteForceMinFailures || login.NewSource || type == "10");
    }
}
