namespace Timeline.Detection.Chain;

/// <summary>
/// The kinds the chain analytics give their findings, signals and entry points (<see cref="Finding.Kind"/>,
/// <see cref="Signal.Kind"/>, <see cref="Timeline.Core.Findings.EntryPoint.Kind"/>). They are the keys of
/// <c>sigma/techniques.yml</c>: every constant here has a row there or is listed as technique-less, which
/// <c>AnalyticKindsTests</c> checks by reflection, so a new kind cannot ship without its ATT&amp;CK mapping.
/// They also appear in the chain contract (entry point <c>kind</c>), so their spelling is part of it.
/// </summary>
public static class AnalyticKinds
{
    // Entry points (EntryRanker).
    public const string SshBruteforceSuccess = "ssh-bruteforce-success";
    public const string RdpBruteforceSuccess = "rdp-bruteforce-success";
    public const string ExploitedService = "exploited-service";
    public const string Lateral = "lateral";
    public const string NewKey = "new-key";
    public const string NewSource = "new-source";
    public const string Session = "session";
    public const string PersistenceWithoutLogin = "persistence-without-login";

    // Findings and signals of the analytics.
    public const string MinerRun = "miner-run";
    public const string MinerTuning = "miner-tuning";
    public const string MsrWrite = "msr-write";
    public const string MinerLog = "miner-log";
    public const string WinRing0 = "winring0";
    public const string DownloadExec = "download-exec";
    public const string Download = "download";
    public const string DropperPath = "dropper-path";
    public const string KeysTamper = "keys-tamper";
    public const string SshKey = "ssh-key";
    public const string CrontabInstall = "crontab-install";
    public const string CronEntry = "cron-entry";
    public const string CronShape = "cron-shape";
    public const string ServiceCron = "service-cron";
    public const string ServiceCrontab = "service-crontab";
    public const string CronError = "cron-error";
    public const string CronGarbage = "cron-garbage";
    public const string CrontabEdit = "crontab-edit";
    public const string CrontabReload = "crontab-reload";
    public const string CrontabChurn = "crontab-churn";
    public const string CompetitorKill = "competitor-kill";
    public const string BootPersistence = "boot-persistence";
    public const string SystemdUnit = "systemd-unit";
    public const string RcLocal = "rc-local";
    public const string LdPreload = "ld-preload";
    public const string WindowsPersistence = "windows-persistence";
    public const string Task = "task";
    public const string Service = "service";
    public const string HistoryClear = "history-clear";
    public const string LogClear = "log-clear";
    public const string LogCleared = "log-cleared";
    public const string Chattr = "chattr";
    public const string DefenseOff = "defense-off";
    public const string Encoded = "encoded";
    public const string SshOut = "ssh-out";
    public const string Account = "account";
    public const string AccountCreated = "account-created";
    public const string SudoGranted = "sudo-granted";
    public const string PasswordChanged = "password-changed";
    public const string Recon = "recon";
    public const string ExecPrep = "exec-prep";
    public const string Staging = "staging";
    public const string RedisExploit = "redis-exploit";
    /// <summary>A shell, downloader or interpreter whose parent process is a network service (audit parent links): an exploited service.</summary>
    public const string ServiceShell = "service-shell";
    public const string Marker = "marker";

    // Live state (LiveMinerFinder): what a triage collector saw running.
    /// <summary>A process running at collection whose command, executable or connections show a miner.</summary>
    public const string LiveMiner = "live-miner";
    /// <summary>A process running at collection with a hiding sign (staging or hidden directory, deleted executable, kernel-thread name) but no miner sign.</summary>
    public const string LiveProcess = "live-process";
    /// <summary>A process named like a kernel thread that is not one (a finding of a live process).</summary>
    public const string Masquerade = "masquerade";

    // Steps the assembler writes for logons that come back after the entry.
    public const string ReturnedKey = "returned-key";
    public const string Returned = "returned";

    /// <summary>An event only a Sigma rule flagged; its techniques are the rule's own tags.</summary>
    public const string Rule = "rule";
}
