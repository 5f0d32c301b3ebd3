using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// <c>linux/cron</c>: jobs run (<c>CMD</c>), tables edited (<c>REPLACE</c>/<c>LIST</c>/<c>RELOAD</c>),
/// parse errors. Cron work owned by a service account and parse errors on spool files point at an
/// exploited service (threat-notes §1.2, §4.3 items 6, 7, 10); bursts of edits are competitor cleaning.
/// Repeats of one job fold into one signal.
/// </summary>
public sealed class CronAnalytic(CommandAnalytic commands, PhaseMap phases, IndicatorCatalog indicators, EvidencePatterns patterns) : IEventAnalytic
{
    public bool Handles(string parser) => parser == ParserNames.Cron;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        var user = f.Get(FieldNames.CronUser);
        var service = indicators.IsServiceAccount(user);
        switch (f.Get(FieldNames.Event))
        {
            case CronEvents.Cmd:
            {
                var command = f.Get(FieldNames.Command);
                if (command is null) return null;
                var findings = commands.Analyze(command).ToList();
                if (service)
                    findings.Add(new Finding(AnalyticKinds.ServiceCron, AttackPhase.Execution, $"the job runs as the service account '{user}': services do not schedule shell commands (threat-notes §1.2)", 0.8, true));
                var signal = CommandSignals.From(e, command, findings, phases, $"cron job of {user}");
                if (signal is null) return null;
                signal.Facts["owner"] = user ?? "";
                signal.Facts[CronEvents.Cmd] = command;
                return host.Add(signal, $"cron_cmd|{user}|{command}");
            }
            case CronEvents.Replace or CronEvents.List or CronEvents.BeginEdit or CronEvents.Delete:
            {
                if (e.Ticks is { } t && f.Get(FieldNames.Event) is CronEvents.Replace or CronEvents.List) Churn(e, host, t);
                var what = f.Get(FieldNames.Event) switch { CronEvents.Replace => "replaced", CronEvents.List => "listed", CronEvents.Delete => "deleted", _ => "opened for editing" };
                var signal = Signal.From(e, e.Message, AttackPhase.Persistence, service ? AnalyticKinds.ServiceCrontab : AnalyticKinds.CrontabEdit,
                    $"crontab of {f.Get(FieldNames.CronTarget) ?? user} {what} by {user}",
                    service ? $"the service account '{user}' edited a cron table: an exploited service writing persistence (threat-notes §1.2)" : "a cron table changed",
                    service ? 0.85 : 0.4, service);
                signal.Facts["owner"] = user ?? "";
                return host.Add(signal, $"edit|{user}|{f.Get(FieldNames.Event)}|{(e.Ticks ?? 0) / TimeSpan.TicksPerSecond}");
            }
            case CronEvents.Reload:
            {
                var path = f.Get(FieldNames.Path) ?? "";
                var owner = service || indicators.IsServiceAccount(path[(path.LastIndexOf('/') + 1)..]);
                var signal = Signal.From(e, e.Message, AttackPhase.Persistence, owner ? AnalyticKinds.ServiceCrontab : AnalyticKinds.CrontabReload,
                    $"cron loaded the changed table {path}", owner ? $"a table of the service account '{user}' was loaded" : "cron reads a table after it changed", owner ? 0.8 : 0.4, owner);
                signal.Facts["cron_path"] = path;
                signal.Facts["owner"] = user ?? "";
                return host.Add(signal, $"reload|{path}|{(e.Ticks ?? 0) / TimeSpan.TicksPerMinute}");
            }
            case CronEvents.Error:
            {
                var path = f.Get(FieldNames.Path) ?? "";
                var reason = f.Get(FieldNames.Reason) ?? "error";
                var spool = patterns.Matches("cron-spool-tables", path);
                var signal = Signal.From(e, e.Message, AttackPhase.Persistence, AnalyticKinds.CronError, $"cron could not read {(path.Length > 0 ? path : "a table")}: {reason}",
                    "cron rejects lines that crontab(1) would never write: the table was written by another program, e.g. a Redis dump saved as a crontab (threat-notes §1.2, §4.3 item 10)",
                    spool ? 0.75 : 0.5, spool);
                signal.Facts["cron_path"] = path;
                return host.Add(signal, $"error|{path}|{reason}");
            }
            default:
                return null;
        }
    }

    private static void Churn(EventRecord e, HostEvidence host, long t)
    {
        if (!host.CrontabEdit(t, out var edits)) return;
        var signal = Signal.From(e, e.Message, AttackPhase.Evasion, AnalyticKinds.CrontabChurn, $"{edits} crontab LIST/REPLACE lines within {host.Options.ChurnWindow.TotalSeconds:0} s",
            "a script rewriting cron tables in a loop: miners removing competitors' jobs (Kinsing d.sh, threat-notes §1.4.1, §4.3 item 7)", 0.8, true);
        host.Add(signal, $"churn|{t / TimeSpan.TicksPerMinute}");
    }
}
