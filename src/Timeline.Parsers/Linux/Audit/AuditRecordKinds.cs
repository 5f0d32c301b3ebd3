using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// Record type → event kind (the record types are libaudit's <c>audit-records.h</c> names; their meaning
/// per the Linux Audit documentation and Red Hat's "Audit Record Types" table).
/// </summary>
public static class AuditRecordKinds
{
    private static readonly Dictionary<string, string> ByType = new(StringComparer.Ordinal)
    {
        ["USER_LOGIN"] = AuditEvents.Login,
        ["LOGIN"] = AuditEvents.Login,
        ["USER_LOGOUT"] = AuditEvents.Logout,
        ["USER_AUTH"] = AuditEvents.Auth,
        ["USER_ERR"] = AuditEvents.Auth,
        ["USER_ACCT"] = AuditEvents.Account,
        ["CRED_ACQ"] = AuditEvents.Credentials,
        ["CRED_REFR"] = AuditEvents.Credentials,
        ["CRED_DISP"] = AuditEvents.Credentials,
        ["USER_START"] = AuditEvents.SessionStart,
        ["USER_END"] = AuditEvents.SessionEnd,
        ["USER_CMD"] = AuditEvents.UserCommand,
        ["ADD_USER"] = AuditEvents.UserAdd,
        ["DEL_USER"] = AuditEvents.UserDelete,
        ["ADD_GROUP"] = AuditEvents.GroupAdd,
        ["DEL_GROUP"] = AuditEvents.GroupDelete,
        ["USER_MGMT"] = AuditEvents.AccountChange,
        ["GRP_MGMT"] = AuditEvents.AccountChange,
        ["USER_CHAUTHTOK"] = AuditEvents.AccountChange,
        ["GRP_CHAUTHTOK"] = AuditEvents.AccountChange,
        ["ACCT_LOCK"] = AuditEvents.AccountChange,
        ["ACCT_UNLOCK"] = AuditEvents.AccountChange,
        ["SERVICE_START"] = AuditEvents.ServiceStart,
        ["SERVICE_STOP"] = AuditEvents.ServiceStop,
        ["CONFIG_CHANGE"] = AuditEvents.AuditConfig,
        ["USYS_CONFIG"] = AuditEvents.AuditConfig,
        ["DAEMON_START"] = AuditEvents.AuditConfig,
        ["DAEMON_END"] = AuditEvents.AuditConfig,
        ["DAEMON_ABORT"] = AuditEvents.AuditConfig,
        ["DAEMON_CONFIG"] = AuditEvents.AuditConfig,
        ["DAEMON_RECONFIG"] = AuditEvents.AuditConfig,
        ["DAEMON_ROTATE"] = AuditEvents.AuditConfig,
        ["DAEMON_RESUME"] = AuditEvents.AuditConfig,
        ["EXECVE"] = AuditEvents.Exec,
        ["SYSCALL"] = AuditEvents.Syscall,
    };

    /// <summary>The kind of one record type; <see cref="AuditEvents.Other"/> for types without one.</summary>
    public static string Of(string type) =>
        ByType.TryGetValue(type, out var kind) ? kind
        : type.StartsWith("ANOM_", StringComparison.Ordinal) ? AuditEvents.Anomaly
        : AuditEvents.Other;

    /// <summary>Records about a login or authentication: their <c>acct</c> is the account the attempt was for.</summary>
    public static bool IsAboutAccount(string kind) => kind is AuditEvents.Login or AuditEvents.Logout or AuditEvents.Auth
        or AuditEvents.Account or AuditEvents.Credentials or AuditEvents.SessionStart or AuditEvents.SessionEnd;
}
