using Timeline.Core.Vocabulary;
using System.Runtime.CompilerServices;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Turns a decoded record into an <see cref="EventRecord"/>: System values under their XML names
/// (<c>Provider</c>, <c>EventID</c>, <c>EventIDQualifiers</c>, ...), then the EventData/UserData fields
/// under their own names (Sigma rules use them directly), then the normalised fields. A data field
/// whose name is taken by a System field is kept as <c>Data.&lt;name&gt;</c>.
/// </summary>
internal sealed class EvtxEventMapper
{
    public const string ParserName = ParserNames.Evtx;
    private const int MaxValueInMessage = 512;
    private readonly (string? Name, byte Special, (int Slot, int Rank)[]? Sources, string? Compact)[] _names = new (string?, byte, (int, int)[]?, string?)[1024];
    private (int Slot, int Rank)[]?[] _sources = new (int, int)[]?[64];
    private (string? Name, byte Special, (int Slot, int Rank)[]? Sources, string? Compact)[] _lastNames = new (string?, byte, (int, int)[]?, string?)[64];
    private (string? Channel, string? EventId, string? Kind) _lastKind;
    private readonly (string? Channel, string? EventId, string? Kind)[] _kinds = new (string?, string?, string?)[256];
    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\t");

    private static readonly (SystemField Field, string Name)[] SystemNames =
    [
        (SystemField.Provider, "Provider"),
        (SystemField.ProviderGuid, "ProviderGuid"),
        (SystemField.EventSourceName, "EventSourceName"),
        (SystemField.EventId, "EventID"),
        (SystemField.EventIdQualifiers, "EventIDQualifiers"),
        (SystemField.Version, "Version"),
        (SystemField.Level, "Level"),
        (SystemField.Task, "Task"),
        (SystemField.Opcode, "Opcode"),
        (SystemField.Keywords, "Keywords"),
        (SystemField.EventRecordId, "EventRecordID"),
        (SystemField.ProcessId, "ProcessID"),
        (SystemField.ThreadId, "ThreadID"),
        (SystemField.Channel, "Channel"),
        (SystemField.Computer, "Computer"),
        (SystemField.UserId, "UserID"),
        (SystemField.ActivityId, "ActivityID"),
        (SystemField.RelatedActivityId, "RelatedActivityID"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EventRecord Map(DecodedRecord record, ulong headerRecordId, long writtenTicks, ParseContext context)
    {
        var data = record.Data;
        // Sized for what is stored: the System values present, TimeCreated, EventRecordID, the data, "event"
        // and a few normalised fields (more than 6 of those only costs a resize).
        var fields = new FieldSet(record.SystemCount + 3 + data.Count + 6);
        var ticks = record.TimeCreatedTicks ?? writtenTicks;
        // System names are distinct: appended without FieldSet.Set's scan for an existing key.
        foreach (var (field, name) in SystemNames)
        {
            fields.Add(name, record[field]);
            if (field == SystemField.Keywords) fields.Add("TimeCreated", ValueFormatter.Instant(ticks));
        }
        if (string.IsNullOrEmpty(record[SystemField.EventRecordId])) fields.Add("EventRecordID", headerRecordId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Data names are distinct and never System names once renamed; only "Data.<name>" can meet another
        // such name (a data field literally called "Data.EventID"), so those alone go through Set.
        var clash = false;
        var spaced = false;
        if (_sources.Length < data.Count)
        {
            var size = Math.Max(data.Count, _sources.Length * 2);
            _sources = new (int Slot, int Rank)[]?[size];
            Array.Resize(ref _lastNames, size);
        }
        for (var i = 0; i < data.Count; i++)
        {
            var (name, value) = data[i];
            // Records of one template name their fields alike: the previous record's name at this place is usually this one.
            if (!ReferenceEquals(_lastNames[i].Name, name)) _lastNames[i] = NameInfo(name);
            ref var info = ref _lastNames[i];
            _sources[i] = info.Sources;
            spaced |= info.Compact is not null;
            switch (info.Special)
            {
                case EvtxFields.SystemName:
                    fields.Set("Data." + name, value);
                    continue;
                case EvtxFields.NormalisedName:
                    clash |= value.Length > 0;
                    break;
            }
            if (name.StartsWith("Data.", StringComparison.Ordinal)) fields.Set(name, value);
            else fields.Add(name, value);
        }
        if (spaced) AddCompactNames(fields, data);
        var kind = Kind(record[SystemField.Channel], record[SystemField.EventId]);
        // Without a data field named like a normalised field, the normalised names are not in the set yet.
        if (clash) fields.Set("event", kind);
        else fields.Add("event", kind);
        NormalisedFields.Apply(fields, data, kind, appendOnly: !clash, _sources.AsSpan(0, data.Count));
        return new EventRecord
        {
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = TimeQuality.Exact,
            Host = context.HostFor(record[SystemField.Computer]),
            Parser = ParserName,
            Message = Message(record),
            Fields = fields,
            Origin = context.OriginAt(Position(record, headerRecordId), PositionKind.Record),
        };
    }

    /// <summary>
    /// What a data field's name means here (<see cref="EvtxFields.Special"/>, the normalised fields it feeds), remembered
    /// per string instance: data names are the interned names of the templates, so the same strings come back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ref (string? Name, byte Special, (int Slot, int Rank)[]? Sources, string? Compact) NameInfo(string name)
    {
        ref var slot = ref _names[RuntimeHelpers.GetHashCode(name) & (_names.Length - 1)];
        if (!ReferenceEquals(slot.Name, name)) slot = (name, EvtxFields.Special.GetValueOrDefault(name), NormalisedFields.SourcesOf(name), EvtxFields.CompactName(name));
        return ref slot;
    }

    /// <summary>
    /// Data names with spaces (Defender's <c>Threat Name</c>, <c>Process Name</c>, <c>Source Name</c> …) also go in
    /// under the name without spaces that SigmaHQ's rules use (<c>ThreatName</c>), unless the record has a field of
    /// that name already. The spaced name stays, so what the event said is kept as it said it.
    /// </summary>
    private void AddCompactNames(FieldSet fields, List<KeyValuePair<string, string>> data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            if (_lastNames[i].Compact is { } compact && !fields.ContainsKey(compact)) fields.Add(compact, data[i].Value);
        }
    }

    /// <summary>
    /// <see cref="WindowsEventKinds.For"/>, remembered per pair of string instances: channel and event id come from the
    /// value cache, so the same pair is usually the same two strings again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Kind(string? channel, string? eventId)
    {
        if (channel is null || eventId is null) return WindowsEventKinds.For(channel, eventId);
        if (ReferenceEquals(_lastKind.Channel, channel) && ReferenceEquals(_lastKind.EventId, eventId)) return _lastKind.Kind;
        ref var slot = ref _kinds[(RuntimeHelpers.GetHashCode(channel) ^ (RuntimeHelpers.GetHashCode(eventId) * 31)) & (_kinds.Length - 1)];
        if (!ReferenceEquals(slot.Channel, channel) || !ReferenceEquals(slot.EventId, eventId)) slot = (channel, eventId, WindowsEventKinds.For(channel, eventId));
        _lastKind = slot;
        return slot.Kind;
    }

    /// <summary>
    /// System/EventRecordID. The record header's own id usually equals it, but filtered exports
    /// (wevtutil epl with a query) renumber the headers 1, 2, 3 ... and keep the original EventRecordID.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Position(DecodedRecord record, ulong headerRecordId)
    {
        if (ulong.TryParse(record[SystemField.EventRecordId], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return (long)Math.Min(id, long.MaxValue);
        return (long)Math.Min(headerRecordId, long.MaxValue);
    }

    /// <summary>
    /// One line: <c>Security 4625 [Microsoft-Windows-Security-Auditing] TargetUserName=admin IpAddress=203.0.113.9</c>.
    /// Data values that are empty or "-" are left out; line breaks become spaces; long values are cut
    /// at 512 characters (the full value stays in its field).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Message(DecodedRecord record)
    {
        // Measured first, then written straight into the string: no builder, no copy.
        var length = (record[SystemField.Channel] ?? "?").Length + 1 + (record[SystemField.EventId] ?? "?").Length;
        if (record[SystemField.Provider] is { } provider) length += provider.Length + 3;
        foreach (var (name, value) in record.Data)
        {
            if (value.Length == 0 || value == "-") continue;
            var cut = Math.Min(value.Length, MaxValueInMessage);
            length += 2 + name.Length + cut + (cut < value.Length ? 1 : 0);
        }
        return string.Create(length, record, WriteMessage);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteMessage(Span<char> span, DecodedRecord record)
    {
        var at = 0;
        Put(span, ref at, record[SystemField.Channel] ?? "?");
        span[at++] = ' ';
        Put(span, ref at, record[SystemField.EventId] ?? "?");
        if (record[SystemField.Provider] is { } provider)
        {
            Put(span, ref at, " [");
            Put(span, ref at, provider);
            span[at++] = ']';
        }
        foreach (var (name, value) in record.Data)
        {
            if (value.Length == 0 || value == "-") continue;
            span[at++] = ' ';
            Put(span, ref at, name);
            span[at++] = '=';
            var cut = value.AsSpan(0, Math.Min(value.Length, MaxValueInMessage));
            var into = span.Slice(at, cut.Length);
            cut.CopyTo(into);
            if (cut.IndexOfAny(LineBreaks) >= 0)
            {
                into.Replace('\r', ' ');
                into.Replace('\n', ' ');
                into.Replace('\t', ' ');
            }
            at += cut.Length;
            if (cut.Length < value.Length) span[at++] = '…';
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Put(Span<char> span, ref int at, string text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }
}
