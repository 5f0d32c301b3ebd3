using Timeline.Core.Vocabulary;
namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The normalised <c>event</c> field: what a (Channel, EventID) pair means for the attack chain.
/// Data, not code: add a row to teach the timeline a new event. Channels compare case-insensitively
/// (exported logs sometimes differ in case). Sources: Microsoft's Security auditing reference, Sysmon's
/// event list, and the channels SigmaHQ's <c>thor.yml</c> maps its Windows logsources to.
/// </summary>
internal static class WindowsEventKinds
{
    private const string Security = "Security";
    private const string System = "System";
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";
    private const string PowerShell = "Microsoft-Windows-PowerShell/Operational";
    private const string TaskScheduler = "Microsoft-Windows-TaskScheduler/Operational";
    private const string Rdp = "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational";
    private const string Defender = "Microsoft-Windows-Windows Defender/Operational";

    private static readonly Dictionary<(string Channel, int EventId), string> Kinds = new(new KeyComparer())
    {
        [(Security, 4624)] = WindowsEvents.LogonSuccess,
        [(Security, 4625)] = WindowsEvents.LogonFailed,
        [(Security, 4634)] = "logoff",
        [(Security, 4647)] = "logoff",
        [(Security, 4648)] = "explicit_logon",
        [(Security, 4672)] = "special_privileges",
        [(Security, 4688)] = WindowsEvents.ProcessCreate,
        [(Security, 4697)] = WindowsEvents.ServiceInstall,
        [(Security, 4698)] = WindowsEvents.TaskCreate,
        [(Security, 4699)] = "task_delete",
        [(Security, 4702)] = WindowsEvents.TaskUpdate,
        [(Security, 4720)] = "user_add",
        [(Security, 4722)] = "user_enable",
        [(Security, 4726)] = "user_delete",
        [(Security, 4728)] = "group_member_add",
        [(Security, 4732)] = "group_member_add",
        [(Security, 4756)] = "group_member_add",
        [(Security, 4740)] = "account_lockout",
        [(Security, 4768)] = "kerberos_tgt_request",
        [(Security, 4771)] = "kerberos_preauth_failed",
        [(Security, 4776)] = "ntlm_auth",
        [(Security, 1102)] = WindowsEvents.LogCleared,
        [(Security, 5140)] = "share_access",
        [(Security, 5145)] = "share_object_access",
        [(System, 7045)] = WindowsEvents.ServiceInstall,
        [(System, 7036)] = "service_state",
        [(System, 104)] = WindowsEvents.LogCleared,
        [(Sysmon, 1)] = WindowsEvents.ProcessCreate,
        [(Sysmon, 3)] = "network_connect",
        [(Sysmon, 11)] = "file_create",
        [(Sysmon, 13)] = "registry_set",
        [(Sysmon, 22)] = "dns_query",
        [(PowerShell, 4103)] = "powershell_module",
        [(PowerShell, 4104)] = WindowsEvents.ScriptBlock,
        [(TaskScheduler, 106)] = WindowsEvents.TaskCreate,
        [(TaskScheduler, 141)] = "task_delete",
        [(TaskScheduler, 200)] = "task_run",
        [(Rdp, 1149)] = "rdp_auth_success",
        [(Defender, 1116)] = "malware_detected",
        [(Defender, 5001)] = "av_disabled",
    };

    public static string? For(string? channel, string? eventId)
    {
        if (channel is null || !int.TryParse(eventId, out var id)) return null;
        return Kinds.GetValueOrDefault((channel, id));
    }

    private sealed class KeyComparer : IEqualityComparer<(string Channel, int EventId)>
    {
        public bool Equals((string Channel, int EventId) x, (string Channel, int EventId) y) =>
            x.EventId == y.EventId && string.Equals(x.Channel, y.Channel, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Channel, int EventId) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Channel), key.EventId);
    }
}
