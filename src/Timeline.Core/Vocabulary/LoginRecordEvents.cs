namespace Timeline.Core.Vocabulary;

/// <summary>
/// The <c>event</c> values of the login-record parsers: <c>linux/utmp</c> (utmp, wtmp, btmp),
/// <c>linux/lastlog</c> and <c>linux/wtmpdb</c>. The kinds are the record types of glibc's utmp(5)
/// (and wtmpdb's subset of them). None of <see cref="AuthEvents"/> means the same: those are what
/// sshd/PAM/sudo printed, these are what login, sshd, systemd and init wrote as records.
/// </summary>
public static class LoginRecordEvents
{
    /// <summary>A login session began (USER_PROCESS in utmp/wtmp; a USER_PROCESS row of wtmpdb).</summary>
    public const string Login = "login";
    /// <summary>A session ended (DEAD_PROCESS; wtmpdb's Logout column). Carries the login's user and the session's duration when paired.</summary>
    public const string Logout = "logout";
    /// <summary>A failed login: a record of a <c>btmp</c> file (what <c>lastb</c> reads).</summary>
    public const string LoginFailed = "login_failed";
    /// <summary>The system booted (BOOT_TIME; the kernel release is in <see cref="LoginRecordFields.Kernel"/>).</summary>
    public const string Boot = "boot";
    /// <summary>The system went down (RUN_LVL record of user <c>shutdown</c>; wtmpdb's BOOT_TIME row's Logout).</summary>
    public const string Shutdown = "shutdown";
    /// <summary>The run level changed (RUN_LVL; the new level in <see cref="LoginRecordFields.Runlevel"/>).</summary>
    public const string Runlevel = "runlevel";
    /// <summary>The clock was set (OLD_TIME / NEW_TIME pair: <c>state</c> is <c>before</c> or <c>after</c>).</summary>
    public const string ClockChange = "clock_change";
    /// <summary>init spawned a process (INIT_PROCESS).</summary>
    public const string InitProcess = "init_process";
    /// <summary>A getty waits for a user name on a terminal (LOGIN_PROCESS).</summary>
    public const string LoginProcess = "login_process";
    /// <summary>An ACCOUNTING record (unused on Linux; kept when present).</summary>
    public const string Accounting = "accounting";
    /// <summary>The last login of one UID as <c>/var/log/lastlog</c> keeps it.</summary>
    public const string Lastlog = "lastlog";
}
