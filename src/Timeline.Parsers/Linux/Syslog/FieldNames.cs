namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// The normalized field keys of the syslog family (<c>linux/syslog</c>, <c>linux/auth</c>,
/// <c>linux/cron</c>). Values are strings; a field is absent when the line does not say.
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
}
