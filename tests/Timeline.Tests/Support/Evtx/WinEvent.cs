namespace Timeline.Tests.Support.Evtx;

/// <summary>
/// One Windows event as <see cref="EvtxWriter"/> writes it: the System values of the event schema
/// (<c>http://schemas.microsoft.com/win/2004/08/events/event</c>) and the EventData fields, in order.
/// The record id is not part of it: the writer numbers records in file order.
/// </summary>
public sealed record WinEvent
{
    public required string Provider { get; init; }
    public Guid? ProviderGuid { get; init; }

    /// <summary>Provider@EventSourceName (classic event sources such as the Service Control Manager), or null.</summary>
    public string? EventSourceName { get; init; }
    public required ushort EventId { get; init; }
    public ushort? Qualifiers { get; init; }
    public byte Version { get; init; }
    public byte Level { get; init; }
    public ushort Task { get; init; }
    public byte Opcode { get; init; }
    public ulong Keywords { get; init; }

    /// <summary>UTC; kept to the 100 ns tick (FILETIME precision).</summary>
    public required DateTime TimeCreated { get; init; }

    public uint ProcessId { get; init; }
    public uint ThreadId { get; init; }
    public required string Channel { get; init; }
    public required string Computer { get; init; }

    /// <summary>Security@UserID as an SDDL SID string (<c>S-1-5-18</c>), or null for no UserID attribute.</summary>
    public string? UserId { get; init; }

    /// <summary>EventData/Data elements, each with its Name attribute, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Data { get; init; } = [];
}

/// <summary>How the record bodies are encoded.</summary>
public enum BinXmlStyle
{
    /// <summary>
    /// As Windows writes them: a template instance whose definition (stored inline in the chunk the
    /// first time, referenced afterwards) holds the element structure and the values are typed substitutions.
    /// </summary>
    Templates,

    /// <summary>A plain Binary XML fragment per record: elements, attributes and text tokens, no template.</summary>
    Inline,
}

public sealed record EvtxWriterOptions
{
    public BinXmlStyle Style { get; init; } = BinXmlStyle.Templates;

    /// <summary>Record id (and EventRecordID) of the first event; the others follow one by one.</summary>
    public ulong FirstRecordId { get; init; } = 1;

    /// <summary>Upper bound of records per chunk (Windows fits what fits; tests use a small bound to force several chunks).</summary>
    public int MaxRecordsPerChunk { get; init; } = int.MaxValue;
}
