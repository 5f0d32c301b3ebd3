namespace Timeline.Detection.Chain;

/// <summary>
/// The ATT&amp;CK techniques an analytic's finding stands for (threat-notes §1 section titles). They go
/// into <see cref="Timeline.Core.Findings.AttackStep.Techniques"/> next to the technique tags of the
/// rules that matched; the contract's <c>attack</c> list reads them from there.
/// </summary>
public static class AttackTechniques
{
    private static readonly Dictionary<string, string[]> ByKind = new(StringComparer.Ordinal)
    {
        // Entry points (EntryPoint.Kind).
        ["ssh-bruteforce-success"] = ["T1110.001", "T1078"],
        ["rdp-bruteforce-success"] = ["T1110.001", "T1021.001", "T1078"],
        ["exploited-service"] = ["T1190"],
        ["lateral"] = ["T1021.004"],
        ["new-key"] = ["T1078"],
        ["new-source"] = ["T1078"],
        ["session"] = ["T1078"],
        ["persistence-without-login"] = ["T1190"],
        // Findings and signal kinds.
        ["miner-run"] = ["T1496"],
        ["miner-tuning"] = ["T1496"],
        ["msr-write"] = ["T1496"],
        ["miner-log"] = ["T1496"],
        ["winring0"] = ["T1496", "T1543.003"],
        ["download-exec"] = ["T1105", "T1059.004"],
        ["download"] = ["T1105"],
        ["dropper-path"] = ["T1105"],
        ["keys-tamper"] = ["T1098.004"],
        ["ssh-key"] = ["T1098.004"],
        ["crontab-install"] = ["T1053.003"],
        ["cron-entry"] = ["T1053.003"],
        ["cron-shape"] = ["T1053.003"],
        ["service-cron"] = ["T1053.003"],
        ["service-crontab"] = ["T1053.003"],
        ["cron-error"] = ["T1053.003"],
        ["cron-garbage"] = ["T1053.003"],
        ["crontab-edit"] = ["T1053.003"],
        ["crontab-reload"] = ["T1053.003"],
        ["crontab-churn"] = ["T1489"],
        ["competitor-kill"] = ["T1489"],
        ["boot-persistence"] = ["T1037.004", "T1543.002"],
        ["systemd-unit"] = ["T1543.002"],
        ["rc-local"] = ["T1037.004"],
        ["ld-preload"] = ["T1574.006"],
        ["windows-persistence"] = ["T1053.005", "T1543.003"],
        ["task"] = ["T1053.005"],
        ["service"] = ["T1543.003"],
        ["history-clear"] = ["T1070.003"],
        ["log-clear"] = ["T1070.002"],
        ["log-cleared"] = ["T1070.001"],
        ["chattr"] = ["T1222.002"],
        ["defense-off"] = ["T1562.001"],
        ["encoded"] = ["T1140"],
        ["ssh-out"] = ["T1021.004"],
        ["account"] = ["T1136.001"],
        ["account-created"] = ["T1136.001"],
        ["sudo-granted"] = ["T1098"],
        ["password-changed"] = ["T1098"],
        ["recon"] = ["T1082"],
        ["exec-prep"] = ["T1059.004"],
        ["staging"] = ["T1074.001"],
        ["redis-exploit"] = ["T1190"],
        ["returned-key"] = ["T1098.004", "T1078"],
        ["returned"] = ["T1078"],
    };

    /// <summary>Technique ids for finding or signal kinds, in order, without repeats.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> kinds) =>
        kinds.SelectMany(k => ByKind.GetValueOrDefault(k) ?? []).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The kinds behind a signal: its own kind and every finding it carries.</summary>
    public static IReadOnlyList<string> Of(Signal s) =>
        Of(s.Facts.Keys.Where(k => k.StartsWith("finding:", StringComparison.Ordinal)).Select(k => k["finding:".Length..]).Prepend(s.Kind));
}
