using System.Collections.Frozen;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The field names <c>windows/evtx</c> events carry besides their EventData/UserData fields.
/// A data field whose name is one of <see cref="System"/> is stored as <c>Data.&lt;name&gt;</c>;
/// a data field named like a <see cref="Normalised"/> field keeps its value (the normalised one is not set).
/// </summary>
public static class EvtxFields
{
    /// <summary>From the record's System element: <c>Provider</c> (Name), <c>EventID</c>, <c>TimeCreated</c> (ISO 8601, 7 digits, Z) ...</summary>
    public static readonly IReadOnlySet<string> System = new HashSet<string>(StringComparer.Ordinal)
    {
        "Provider", "ProviderGuid", "EventSourceName", "EventID", "EventIDQualifiers", "Version", "Level", "Task", "Opcode",
        "Keywords", "TimeCreated", "EventRecordID", "ProcessID", "ThreadID", "Channel", "Computer", "UserID", "ActivityID", "RelatedActivityID",
    };

    /// <summary>Timeline's normalised names, filled from the native fields (see the mapping in NormalisedFields).</summary>
    public static readonly IReadOnlySet<string> Normalised = new HashSet<string>(StringComparer.Ordinal)
    {
        "event", "user", "group", "src_ip", "logon_type", "logon_id", "command", "image", "parent_image", "service_name", "task_name", "workstation",
    };

    internal const byte SystemName = 1;
    internal const byte NormalisedName = 2;

    /// <summary>
    /// The name a data field also goes in under when its own has spaces: the spaces removed. Defender's
    /// Operational channel (1006–1017, 1116–1119: <c>Threat Name</c>, <c>Process Name</c>, <c>Source Name</c>,
    /// <c>Detection User</c>, <c>Feature Name</c> …) and a few other providers name their data so, while SigmaHQ's
    /// rules name the fields without them (<c>ThreatName</c>, <c>ProcessName</c>, <c>SourceName</c>). Null when
    /// the name has no space (nearly always), or when it is nothing but spaces.
    /// </summary>
    internal static string? CompactName(string name)
    {
        if (!name.Contains(' ')) return null;
        var compact = name.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length == 0 ? null : compact;
    }

    /// <summary>One lookup per data field: <see cref="SystemName"/>, <see cref="NormalisedName"/>, or absent.</summary>
    internal static readonly FrozenDictionary<string, byte> Special = System.Select(n => KeyValuePair.Create(n, SystemName))
        .Concat(Normalised.Select(n => KeyValuePair.Create(n, NormalisedName)))
        .ToFrozenDictionary(StringComparer.Ordinal);
}
