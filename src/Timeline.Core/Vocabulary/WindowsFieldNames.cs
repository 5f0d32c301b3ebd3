namespace Timeline.Core.Vocabulary;

/// <summary>
/// Native <c>windows/evtx</c> field names (the record's System element and the EventData names of the
/// Security, System and Task Scheduler events the chain reads), spelled as Windows writes them.
/// Source: Microsoft's Security auditing reference (events 4624/4625/4697/4698) and the System
/// channel's 7045 event.
/// </summary>
public static class WindowsFieldNames
{
    public const string EventId = "EventID";
    public const string Channel = "Channel";
    public const string TargetUserName = "TargetUserName";
    public const string TargetUserSid = "TargetUserSid";
    public const string SubjectUserName = "SubjectUserName";
    public const string SubjectUserSid = "SubjectUserSid";
    public const string WorkstationName = "WorkstationName";
    public const string LogonType = "LogonType";
    public const string IpAddress = "IpAddress";
    public const string TaskName = "TaskName";
    public const string TaskContent = "TaskContent";
    public const string ServiceName = "ServiceName";
    public const string ServiceFileName = "ServiceFileName";
    public const string ImagePath = "ImagePath";
}
