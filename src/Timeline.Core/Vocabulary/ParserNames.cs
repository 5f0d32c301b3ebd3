namespace Timeline.Core.Vocabulary;

/// <summary>
/// The public names of the parsers (<c>EventRecord.Parser</c>, the <c>parser</c> field of every output,
/// the <c>parser:</c> key of <c>sigma/mappings/*.yml</c>). Each parser declares its name from here, and
/// detection, report and query compare against these constants instead of spelling the name again.
/// </summary>
public static class ParserNames
{
    public const string Syslog = "linux/syslog";
    public const string Auth = "linux/auth";
    public const string Cron = "linux/cron";
    public const string Journald = "linux/journald";
    public const string BashHistory = "linux/bash-history";
    public const string Crontab = "linux/crontab";
    public const string AuthorizedKeys = "linux/authorized-keys";
    public const string RcLocal = "linux/rc-local";
    public const string LdPreload = "linux/ld-preload";
    public const string SystemdUnit = "linux/systemd-unit";
    public const string Evtx = "windows/evtx";

    // Binary login records and the kernel audit log (issue 13).
    public const string Utmp = "linux/utmp";
    public const string Lastlog = "linux/lastlog";
    public const string Wtmpdb = "linux/wtmpdb";
    public const string Audit = "linux/audit";

    // Ways in besides SSH (issue 14): web-server access logs and the logs of services miners exploit.
    public const string WebAccess = "web/access";
    public const string WebIis = "web/iis";
    public const string Redis = "service/redis";
    public const string PostgreSql = "service/postgresql";

    // Live state: command outputs a triage collector saved (UAC live_response/, CatScale, Velociraptor).
    public const string LiveProcesses = "live/ps";
    public const string LiveTop = "live/top";
    public const string LiveSockets = "live/ss";
    public const string LiveNetstat = "live/netstat";
    public const string LiveOpenFiles = "live/lsof";
    public const string LiveLogins = "live/last";
    public const string LiveUnits = "live/systemctl";
    public const string LiveProc = "live/proc";
    public const string LiveVelociraptor = "live/velociraptor";
    public const string LiveProcCmdline = "live/proc-cmdline";

    /// <summary>
    /// Every live-state parser: the chain reads their rows as state at collection. A convention test fails
    /// when a catalogued <c>live/*</c> parser is missing here.
    /// </summary>
    public static readonly IReadOnlySet<string> LiveState = new HashSet<string>(StringComparer.Ordinal)
    {
        LiveProcesses, LiveTop, LiveSockets, LiveNetstat, LiveOpenFiles, LiveLogins, LiveUnits, LiveProc, LiveVelociraptor, LiveProcCmdline,
    };
}
