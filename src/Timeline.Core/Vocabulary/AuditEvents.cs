namespace Timeline.Core.Vocabulary;

/// <summary>
/// The <c>event</c> values of the kernel audit log parser (<c>linux/audit</c>): one event per audit
/// event (all records of one <c>msg=audit(time:serial)</c>), named by its main record type.
/// </summary>
public static class AuditEvents
{
    /// <summary>A program execution: an <c>EXECVE</c> record, or a <c>SYSCALL</c> of execve/execveat.</summary>
    public const string Exec = "audit_exec";
    /// <summary>Any other audited system call (<c>SYSCALL</c> with its <c>PATH</c>/<c>CWD</c>/<c>SOCKADDR</c> records).</summary>
    public const string Syscall = "audit_syscall";
    /// <summary>A login (<c>USER_LOGIN</c>, kernel <c>LOGIN</c>: the login uid was set).</summary>
    public const string Login = "audit_login";
    /// <summary>A logout (<c>USER_LOGOUT</c>).</summary>
    public const string Logout = "audit_logout";
    /// <summary>An authentication attempt (<c>USER_AUTH</c>, <c>USER_ERR</c>); <c>success</c> says how it went.</summary>
    public const string Auth = "audit_auth";
    /// <summary>PAM account check (<c>USER_ACCT</c>).</summary>
    public const string Account = "audit_account";
    /// <summary>Credentials acquired, refreshed or disposed (<c>CRED_ACQ</c>, <c>CRED_REFR</c>, <c>CRED_DISP</c>).</summary>
    public const string Credentials = "audit_cred";
    /// <summary>A PAM session opened (<c>USER_START</c>).</summary>
    public const string SessionStart = "audit_session_start";
    /// <summary>A PAM session closed (<c>USER_END</c>).</summary>
    public const string SessionEnd = "audit_session_end";
    /// <summary>A command run through sudo (<c>USER_CMD</c>).</summary>
    public const string UserCommand = "audit_user_cmd";
    /// <summary>A user account created (<c>ADD_USER</c>).</summary>
    public const string UserAdd = "audit_user_add";
    /// <summary>A user account deleted (<c>DEL_USER</c>).</summary>
    public const string UserDelete = "audit_user_del";
    /// <summary>A group created (<c>ADD_GROUP</c>).</summary>
    public const string GroupAdd = "audit_group_add";
    /// <summary>A group deleted (<c>DEL_GROUP</c>).</summary>
    public const string GroupDelete = "audit_group_del";
    /// <summary>An account or password changed (<c>USER_MGMT</c>, <c>GRP_MGMT</c>, <c>USER_CHAUTHTOK</c>, <c>GRP_CHAUTHTOK</c>).</summary>
    public const string AccountChange = "audit_account_change";
    /// <summary>A systemd unit started (<c>SERVICE_START</c>).</summary>
    public const string ServiceStart = "audit_service_start";
    /// <summary>A systemd unit stopped (<c>SERVICE_STOP</c>).</summary>
    public const string ServiceStop = "audit_service_stop";
    /// <summary>An anomaly the kernel or a tool reported (<c>ANOM_*</c>: a crash, promiscuous mode, a login failure limit).</summary>
    public const string Anomaly = "audit_anomaly";
    /// <summary>The audit configuration or daemon changed (<c>CONFIG_CHANGE</c>, <c>DAEMON_*</c>, <c>USYS_CONFIG</c>): tampering with the recorder.</summary>
    public const string AuditConfig = "audit_config";
    /// <summary>Any other record type, kept with all its fields.</summary>
    public const string Other = "audit_record";
}
