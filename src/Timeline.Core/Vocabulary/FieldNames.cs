namespace Timeline.Core.Vocabulary;

/// <summary>
/// The normalized field keys every parser writes and detection, report and query read: the syslog
/// family (<c>linux/syslog</c>, <c>linux/auth</c>, <c>linux/cron</c>), the persistence files and the
/// normalised names of <c>windows/evtx</c>. Values are strings; a field is absent when the source
/// does not say. Native Windows EventData names are in <see cref="WindowsFieldNames"/>.
/// </summary>
public static class FieldNames
{
    public const string Program = "program";
    public const string Pid = "pid";
    public const string Facility = "facility";
    public const string Severity = "severity";
    public const string MsgId = "msgid";
    public const string StructuredData = "sd";
    public const string Event = "event";
    public const string User = "user";
    public const string SrcIp = "src_ip";
    public const string SrcHost = "src_host";
    public const string SrcPort = "src_port";
    public const string DstIp = "dst_ip";
    public const string DstPort = "dst_port";
    public const string AuthMethod = "auth_method";
    public const string KeyType = "key_type";
    public const string KeyFingerprint = "key_fp";
    public const string Command = "command";
    public const string InvalidUser = "invalid_user";
    public const string Tty = "tty";
    public const string Pwd = "pwd";
    public const string TargetUser = "target_user";
    public const string TargetGroup = "target_group";
    public const string Uid = "uid";
    public const string Gid = "gid";
    public const string ByUser = "by_user";
    public const string ByUid = "by_uid";
    public const string SessionId = "session_id";
    public const string Count = "count";
    public const string Group = "group";
    public const string Home = "home";
    public const string Shell = "shell";
    public const string Reason = "reason";
    public const string RemoteUser = "ruser";
    public const string LogName = "logname";
    public const string PamModule = "pam_module";
    public const string PamService = "pam_service";
    public const string CronUser = "cron_user";
    public const string CronTarget = "cron_target";
    public const string Path = "path";

    // Persistence files (crontab, systemd units, ld.so.preload, authorized_keys) and journald.
    public const string Table = "table";
    public const string Schedule = "schedule";
    public const string Problem = "problem";
    public const string Unit = "unit";
    public const string Library = "library";
    public const string KeyOptions = "key_options";
    public const string KeyComment = "key_comment";
    // windows/evtx normalised names (filled from the native fields, see Parsers' NormalisedFields).
    public const string Image = "image";
    public const string ParentImage = "parent_image";
    public const string ServiceName = "service_name";
    public const string TaskName = "task_name";
    public const string Workstation = "workstation";
    public const string LogonType = "logon_type";
    public const string LogonId = "logon_id";
    public const string UserSid = "user_sid";

    // Live state (live/* parsers): one process, socket, open file, login or unit as a collector saw it.
    public const string Ppid = "ppid";
    public const string Cpu = "cpu";
    public const string Mem = "mem";
    public const string Exe = "exe";
    public const string Process = "process";
    public const string Protocol = "proto";
    public const string LocalIp = "local_ip";
    public const string LocalPort = "local_port";
    public const string RemoteIp = "remote_ip";
    public const string RemotePort = "remote_port";
    public const string State = "state";
    public const string Started = "started";
    /// <summary>"true" when a process row is a kernel thread (name in brackets, no user memory, child of kthreadd); "false" when only the brackets say so.</summary>
    public const string KernelThread = "kernel_thread";
    /// <summary>When a <c>last</c> session ended, as printed (<c>03:27</c>, a full date with -F, <c>crash</c>, <c>down</c>).</summary>
    public const string Logout = "logout";
    /// <summary>How long a <c>last</c> session lasted, as printed (<c>00:12</c>, <c>1+02:03</c>).</summary>
    public const string Duration = "duration";
}
