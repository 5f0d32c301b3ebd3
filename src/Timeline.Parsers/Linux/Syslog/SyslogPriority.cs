namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// The PRI of RFC 5424/3164 (<c>&lt;38&gt;</c> = facility 4 auth, severity 6 info) as the names
/// rsyslog and RFC 5424 §6.2.1 use.
/// </summary>
public static class SyslogPriority
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    private static readonly string[] Severities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary>Facility name of a PRI value 0–191.</summary>
    public static string Facility(int priority) => Facilities[priority >> 3];

    /// <summary>Severity name of a PRI value 0–191.</summary>
    public static string Severity(int priority) => Severities[priority & 7];
}
