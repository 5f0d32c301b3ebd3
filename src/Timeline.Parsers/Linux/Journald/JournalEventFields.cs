namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// Field keys that events from the journal add to the syslog family's (<c>program</c>, <c>pid</c>,
/// and the grammar's <c>event</c>, <c>user</c>, <c>src_ip</c>, …). Each comes from one journal field.
/// </summary>
public static class JournalEventFields
{
    /// <summary><c>_SYSTEMD_UNIT</c>: the unit the logging process runs in, e.g. <c>ssh.service</c>, <c>cron.service</c>.</summary>
    public const string Unit = "unit";
    /// <summary><c>UNIT</c> or <c>USER_UNIT</c>: the unit a service-manager message is about, e.g. <c>xmrig.service</c> in "Started …".</summary>
    public const string AboutUnit = "about_unit";
    /// <summary><c>PRIORITY</c>: syslog severity 0 (emerg) … 7 (debug).</summary>
    public const string Priority = "priority";
    /// <summary><c>_EXE</c>: path of the logging process's executable.</summary>
    public const string Exe = "exe";
    /// <summary><c>_CMDLINE</c>: command line of the logging process.</summary>
    public const string Cmdline = "cmdline";
    /// <summary><c>_UID</c>: user id of the logging process.</summary>
    public const string Uid = "uid";
    /// <summary><c>_TRANSPORT</c>: how the entry reached journald (<c>syslog</c>, <c>journal</c>, <c>stdout</c>, <c>kernel</c>, <c>audit</c>, <c>driver</c>).</summary>
    public const string Transport = "transport";
    /// <summary><c>_BOOT_ID</c>: the boot the entry belongs to.</summary>
    public const string BootId = "boot_id";
}
