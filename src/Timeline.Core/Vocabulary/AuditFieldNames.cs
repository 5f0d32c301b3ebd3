namespace Timeline.Core.Vocabulary;

/// <summary>
/// Field names of the kernel audit log parser (<c>linux/audit</c>) that <see cref="FieldNames"/> has no
/// word for. They are the audit record's own field names (<c>auid</c>, <c>ses</c>, <c>comm</c>, …), as
/// SigmaHQ's <c>service: auditd</c> rules use them; the shared meanings (<c>pid</c>, <c>ppid</c>,
/// <c>uid</c>, <c>user</c>, <c>exe</c>, <c>command</c>, <c>src_ip</c>) come from <see cref="FieldNames"/>.
/// </summary>
public static class AuditFieldNames
{
    /// <summary>The main record type of the event (<c>SYSCALL</c> when there is one, else the record's own type).</summary>
    public const string Type = "type";
    /// <summary>The record types of the event in file order, space-separated (<c>SYSCALL EXECVE CWD PATH PATH PROCTITLE</c>).</summary>
    public const string Records = "records";
    /// <summary>The event's serial number (the part after the colon in <c>audit(time:serial)</c>).</summary>
    public const string Serial = "serial";
    /// <summary>The <c>node=</c> name (multi-host aggregation by audisp-remote/auditd <c>name_format</c>).</summary>
    public const string Node = "node";
    /// <summary>The audit (login) uid: who logged in, kept across su and sudo.</summary>
    public const string Auid = "auid";
    public const string Euid = "euid";
    /// <summary>The login session id.</summary>
    public const string Session = "ses";
    /// <summary>The process name (the kernel's 16-byte task comm).</summary>
    public const string Comm = "comm";
    /// <summary>The audit rule key (<c>-k</c>) that made the kernel record the event.</summary>
    public const string Key = "key";
    /// <summary>CPU architecture name (<c>x86_64</c>, <c>aarch64</c>, <c>i386</c>, …), from the <c>arch=</c> AUDIT_ARCH number.</summary>
    public const string Arch = "arch";
    /// <summary>The system call by name (named per <see cref="Arch"/>; the number when the table has no name).</summary>
    public const string Syscall = "syscall";
    /// <summary>The system call number as recorded.</summary>
    public const string SyscallNumber = "syscall_nr";
    /// <summary><c>yes</c>/<c>no</c>: the SYSCALL's <c>success</c>, or a user-space record's <c>res</c>.</summary>
    public const string Success = "success";
    /// <summary>A user-space record's result as written (<c>success</c>, <c>failed</c>, <c>1</c>, <c>0</c>).</summary>
    public const string Result = "res";
    /// <summary>The argument count of the execution (EXECVE <c>argc</c>).</summary>
    public const string Argc = "argc";
    /// <summary>The process's working directory (CWD record).</summary>
    public const string Cwd = "cwd";
    /// <summary>The decoded PROCTITLE (the process's command line, NULs shown as spaces).</summary>
    public const string Proctitle = "proctitle";
    /// <summary>The account a user-space record is about (<c>acct=</c>).</summary>
    public const string Account = "acct";
    /// <summary>The user-space operation (<c>op=</c>: <c>PAM:authentication</c>, <c>add-user</c>, …).</summary>
    public const string Operation = "op";

    /// <summary>The Unix socket path of a SOCKADDR record (an IP address goes to <c>dst_ip</c>/<c>dst_port</c>).</summary>
    public const string SocketPath = "socket_path";

    /// <summary>Prefix of the SYSCALL record's raw register arguments (<c>syscall.a0</c>…): <c>a0</c>… are the EXECVE argv.</summary>
    public const string SyscallArgumentPrefix = "syscall.";
    /// <summary>Prefix of PATH record fields by item: <c>path0.name</c>, <c>path1.nametype</c>, …</summary>
    public const string PathPrefix = "path";
    /// <summary>Marker fields that say which record kinds the event holds (value = the record type), used by the mapping's gates: <c>syscall.type</c>, <c>execve.type</c>, <c>path0.type</c>.</summary>
    public const string TypeSuffix = ".type";
}
