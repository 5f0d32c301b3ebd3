namespace Timeline.Core.Vocabulary;

/// <summary>
/// The normalised <c>event</c> values of <c>windows/evtx</c> events that detection reads by name. The
/// (Channel, EventID) → kind table that assigns them lives with the parser (WindowsEventKinds).
/// </summary>
public static class WindowsEvents
{
    public const string LogonSuccess = "logon_success";
    public const string LogonFailed = "logon_failed";
    public const string ServiceInstall = "service_install";
    public const string TaskCreate = "task_create";
    public const string TaskUpdate = "task_update";
    public const string ProcessCreate = "process_create";
    public const string LogCleared = "log_cleared";
    public const string ScriptBlock = "script_block";
}
