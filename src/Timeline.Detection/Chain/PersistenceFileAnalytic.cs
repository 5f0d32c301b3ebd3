using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Persistence files copied off the host (<c>linux/crontab</c>, <c>linux/authorized-keys</c>,
/// <c>linux/systemd-unit</c>, <c>linux/rc-local</c>, <c>linux/ld-preload</c>). Their entries have no
/// time of their own (file mtime), so they never start an incident; they are kept so the response
/// plan can cite the exact file and line to remove, and linked to timed events that mention them.
/// </summary>
public sealed class PersistenceFileAnalytic(CommandAnalytic commands, PhaseMap phases, IndicatorCatalog indicators, EvidencePatterns patterns) : IEventAnalytic
{
    public bool Handles(string parser) => parser is ParserNames.Crontab or ParserNames.AuthorizedKeys or ParserNames.SystemdUnit or ParserNames.RcLocal or ParserNames.LdPreload;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var f = e.Fields;
        switch (f.Get(FieldNames.Event))
        {
            case PersistenceEvents.CrontabEntry:
            {
                var command = f.Get(FieldNames.Command) ?? "";
                var schedule = f.Get(FieldNames.Schedule) ?? "";
                var findings = commands.Analyze(command, persistenceEntry: true).ToList();
                var owner = f.Get(FieldNames.CronUser);
                if (schedule.StartsWith('@') && patterns.Matches("hidden-directories", command))
                    findings.Add(new Finding(AnalyticKinds.CronShape, AttackPhase.Persistence, $"'{schedule}' runs a program from a hidden directory (threat-notes §1.4.1)", 0.7, true));
                if (indicators.IsServiceAccount(owner) && f.Get(FieldNames.Table) == "user")
                    findings.Add(new Finding(AnalyticKinds.ServiceCron, AttackPhase.Persistence, $"a cron table of the service account '{owner}'", 0.75, true));
                var entry = CommandSignals.From(e, $"{schedule} {command}", findings, phases, $"crontab line of {owner}", AttackPhase.Persistence)
                    ?? Signal.From(e, $"{schedule} {command}", AttackPhase.Persistence, AnalyticKinds.CronEntry, $"crontab line of {owner}: {CommandSignals.Excerpt(schedule + " " + command)}", "a scheduled job", 0.2, false);
                entry.Kind = AnalyticKinds.CronEntry;
                entry.Facts["schedule"] = schedule;
                entry.Facts["command"] = command;
                entry.Facts["cron_path"] = f.Get(FieldNames.Path) ?? e.Origin.File;
                entry.Facts["owner"] = owner ?? "";
                host.KeepCrontabEntry(entry);
                return entry.Strong ? host.Add(entry) : null;
            }
            case PersistenceEvents.CrontabInvalid:
            {
                var signal = Signal.From(e, e.Message, AttackPhase.Persistence, AnalyticKinds.CronGarbage, $"unparsable line in cron table {f.Get(FieldNames.Path) ?? e.Origin.File}",
                    $"{f.Get(FieldNames.Problem) ?? "not a cron line"}: a cron table holding garbage was written by a program other than crontab(1), e.g. a Redis dump (threat-notes §1.2)", 0.7, true);
                signal.Facts["cron_path"] = f.Get(FieldNames.Path) ?? e.Origin.File;
                signal.Facts["owner"] = f.Get(FieldNames.CronUser) ?? "";
                return host.Add(signal, "garbage|" + e.Origin.Sha256);
            }
            case PersistenceEvents.AuthorizedKey:
            {
                var comment = f.Get(FieldNames.KeyComment) ?? "";
                var marker = indicators.Markers(comment + " " + (f.Get(FieldNames.KeyOptions) ?? "")).FirstOrDefault();
                var key = Signal.From(e, e.Message, AttackPhase.Persistence, AnalyticKinds.SshKey, $"key {f.Get(FieldNames.KeyFingerprint)} ({comment}) in {f.Get(FieldNames.User)}'s authorized_keys",
                    marker is null ? "an authorized key" : $"the key comment '{marker.Value}' marks {marker.Note} ({marker.Source})", marker is null ? 0.2 : 0.9, marker is not null);
                key.Facts["key_fp"] = f.Get(FieldNames.KeyFingerprint) ?? "";
                key.Facts["key_path"] = f.Get(FieldNames.Path) ?? e.Origin.File;
                host.KeepAuthorizedKey(key);
                return marker is null ? null : host.Add(key);
            }
            case PersistenceEvents.SystemdExec or PersistenceEvents.RcLocalCommand:
            {
                var command = f.Get(FieldNames.Command) ?? "";
                var where = f.Get(FieldNames.Event) == PersistenceEvents.SystemdExec ? $"systemd unit {f.Get(FieldNames.Unit)}" : "/etc/rc.local";
                var signal = CommandSignals.From(e, command, commands.Analyze(command, persistenceEntry: true), phases, where, AttackPhase.Persistence);
                var isUnit = f.Get(FieldNames.Event) == PersistenceEvents.SystemdExec;
                // Units are kept even when nothing in them is suspicious: a miner seen running at collection
                // may turn out to be started by one (LiveMinerFinder).
                if (isUnit && signal is not { Strong: true })
                {
                    var plain = signal ?? Signal.From(e, command, AttackPhase.Persistence, AnalyticKinds.SystemdUnit, $"{where}: {CommandSignals.Excerpt(command)}", "a systemd unit", 0.2, false);
                    plain.Kind = AnalyticKinds.SystemdUnit;
                    if (f.Get(FieldNames.Unit) is { } plainUnit) plain.Facts["unit"] = plainUnit;
                    host.KeepUnitExec(plain);
                    return null;
                }
                if (signal is null || !signal.Strong) return null;
                signal.Kind = isUnit ? AnalyticKinds.SystemdUnit : AnalyticKinds.RcLocal;
                if (f.Get(FieldNames.Unit) is { } unit) signal.Facts["unit"] = unit;
                if (isUnit) host.KeepUnitExec(signal);
                return host.Add(signal);
            }
            case PersistenceEvents.LdPreloadEntry:
            {
                var signal = Signal.From(e, e.Message, AttackPhase.Persistence, AnalyticKinds.LdPreload, $"ld.so.preload loads {f.Get(FieldNames.Library)}",
                    "a library preloaded into every program: a common way to hide miner processes (T1574.006)", 0.6, true);
                return host.Add(signal);
            }
            default:
                return null;
        }
    }
}
