namespace Timeline.Parsers.Windows.Evtx;

/// <summary>The System values kept from a record (TimeCreated is kept as ticks).</summary>
internal enum SystemField
{
    Provider,
    ProviderGuid,
    EventSourceName,
    EventId,
    EventIdQualifiers,
    Version,
    Level,
    Task,
    Opcode,
    Keywords,
    EventRecordId,
    ProcessId,
    ThreadId,
    Channel,
    Computer,
    UserId,
    ActivityId,
    RelatedActivityId,
    Count,
}
