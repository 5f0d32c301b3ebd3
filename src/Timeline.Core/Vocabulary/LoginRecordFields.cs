namespace Timeline.Core.Vocabulary;

/// <summary>
/// Field keys of the login-record parsers beyond <see cref="FieldNames"/> (which they share:
/// <c>user</c>, <c>tty</c>, <c>src_ip</c>, <c>src_host</c>, <c>pid</c>, <c>session_id</c>, <c>uid</c>,
/// <c>duration</c>, <c>state</c>).
/// </summary>
public static class LoginRecordFields
{
    /// <summary>The record type as glibc names it (<c>USER_PROCESS</c>, <c>DEAD_PROCESS</c>, …; wtmpdb's <c>BOOT_TIME</c>, <c>RUNLEVEL</c>, <c>USER_PROCESS</c>).</summary>
    public const string RecordType = "record_type";
    /// <summary><c>ut_id</c>: the inittab id or the tty suffix (<c>ts/0</c>, <c>tty1</c> → <c>1</c>).</summary>
    public const string TerminalId = "ut_id";
    /// <summary>The kernel release a BOOT_TIME or RUN_LVL record keeps in its host field.</summary>
    public const string Kernel = "kernel";
    /// <summary>The new run level (a character, <c>0</c>…<c>6</c>, <c>S</c>) of a RUN_LVL record.</summary>
    public const string Runlevel = "runlevel";
    /// <summary>The previous run level of a RUN_LVL record, when init wrote it.</summary>
    public const string PreviousRunlevel = "previous_runlevel";
    /// <summary>An X display (<c>:0</c>) in the host field: a local graphical login, not a remote host.</summary>
    public const string Display = "display";
    /// <summary>The exit status of a DEAD_PROCESS (<c>termination/exit</c>) when non-zero.</summary>
    public const string ExitStatus = "exit_status";
    /// <summary>When the session a logout ends began (UTC, ISO 8601).</summary>
    public const string LoginTime = "login_time";
    /// <summary>The PAM service that wrote a wtmpdb row (<c>sshd</c>, <c>login</c>, <c>systemd-user</c>).</summary>
    public const string Service = "service";
}
