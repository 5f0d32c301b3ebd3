using Timeline.Core.Vocabulary;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Timeline's own field names for Windows events, filled from the event's native (Sigma) fields:
/// the first source field with a real value wins ("-" is Windows for "none"). Per-event rows replace
/// the generic sources of their field where the generic order would pick the wrong actor, e.g. 4732
/// (group member added), whose TargetUserName is the group, or 7045, whose AccountName is the
/// account the service runs as, not the user who installed it. The native fields stay as they are; a native field that already has
/// the normalised name is never overwritten.
/// </summary>
internal static class NormalisedFields
{
    private static readonly (string Field, string[] Sources)[] Generic =
    [
        ("user", ["TargetUserName", "User", "AccountName", "UserName", "SubjectUserName"]),
        ("src_ip", ["IpAddress", "SourceNetworkAddress", "SourceIp", "ClientIP", "ClientAddress"]),
        ("logon_type", ["LogonType"]),
        ("logon_id", ["TargetLogonId", "LogonId", "SubjectLogonId"]),
        ("command", ["CommandLine", "ImagePath", "ServiceFileName", "ScriptBlockText"]),
        ("image", ["NewProcessName", "Image"]),
        ("parent_image", ["ParentProcessName", "ParentImage"]),
        ("service_name", ["ServiceName"]),
        ("task_name", ["TaskName"]),
        ("workstation", ["WorkstationName", "Workstation"]),
    ];

    private static readonly Dictionary<string, (string Field, string[] Sources)[]> ByEvent = new(StringComparer.Ordinal)
    {
        // Security 4732/4728/4756: the member added is the user; TargetUserName names the group.
        ["group_member_add"] = [("user", ["MemberName", "MemberSid"]), ("group", ["TargetUserName"])],
        // TerminalServices 1149 (UserData EventXML): Param1 user, Param2 domain, Param3 source address.
        ["rdp_auth_success"] = [("user", ["Param1"]), ("src_ip", ["Param3"])],
        // Security 4698: the task's action is inside the TaskContent XML.
        ["task_create"] = [("user", ["SubjectUserName", "UserContext"])],
        ["task_delete"] = [("user", ["SubjectUserName", "UserName"])],
        // Security 4688: TargetLogonId is the (often empty) linked session; the creator's session is SubjectLogonId.
        ["process_create"] = [("user", ["SubjectUserName", "User"]), ("logon_id", ["SubjectLogonId", "LogonId"])],
        // System 7045 names no installing user (its UserID SID is the actor); Security 4697 has SubjectUserName.
        ["service_install"] = [("user", ["SubjectUserName"])],
    };

    /// <summary>Field → (normalised field, rank) for the generic sources: one hash lookup per data field.</summary>
    private static readonly FrozenDictionary<string, (int Slot, int Rank)[]> GenericSources = Generic
        .SelectMany((row, slot) => row.Sources.Select((source, rank) => (source, slot, rank)))
        .GroupBy(x => x.source, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.slot, x.rank)).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Adds the normalised fields, reading the record's data fields once. With <paramref name="appendOnly"/>
    /// the caller guarantees that no field in the set yet has a normalised name, so "is it set" only looks
    /// at the fields added here and new fields are appended without a scan.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(Timeline.Core.Events.FieldSet fields, List<KeyValuePair<string, string>> data, string? eventKind, bool appendOnly = false) =>
        Apply(fields, data, eventKind, appendOnly, []);

    /// <summary>The generic sources a data field named <paramref name="name"/> feeds (normalised field slot and rank), or null.</summary>
    public static (int Slot, int Rank)[]? SourcesOf(string name) => GenericSources.GetValueOrDefault(name);

    /// <summary>
    /// <see cref="Apply(Timeline.Core.Events.FieldSet, List{KeyValuePair{string, string}}, string?, bool)"/> with
    /// <paramref name="sources"/>: <see cref="SourcesOf"/> of each data field's name, known to the caller (empty: looked up here).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(Timeline.Core.Events.FieldSet fields, List<KeyValuePair<string, string>> data, string? eventKind, bool appendOnly,
        ReadOnlySpan<(int Slot, int Rank)[]?> sources)
    {
        var set = new Target(fields, appendOnly);
        var rows = eventKind is not null ? ByEvent.GetValueOrDefault(eventKind) : null;
        foreach (var (field, fieldSources) in rows ?? []) Fill(set, field, fieldSources);
        Span<int> best = stackalloc int[Generic.Length];
        best.Fill(int.MaxValue);
        Span<int> pick = stackalloc int[Generic.Length];
        for (var i = 0; i < data.Count; i++)
        {
            var targets = sources.IsEmpty ? SourcesOf(data[i].Key) : sources[i];
            if (targets is null) continue;
            foreach (var (slot, rank) in targets)
            {
                if (rank < best[slot] && HasValue(Generic[slot].Field, data[i].Value)) { best[slot] = rank; pick[slot] = i; }
            }
        }
        for (var slot = 0; slot < Generic.Length; slot++)
        {
            if (best[slot] == int.MaxValue) continue;
            var field = Generic[slot].Field;
            if (rows is not null && Array.FindIndex(rows, r => r.Field == field) >= 0) continue;
            if (set.Has(field)) continue;
            var value = data[pick[slot]].Value;
            set.Put(field, field == "src_ip" ? Address(value) : value);
        }
        if (eventKind is WindowsEvents.TaskCreate or WindowsEvents.TaskUpdate && !set.Has(FieldNames.Command) && fields.Get(WindowsFieldNames.TaskContent) is { } xml)
            set.Put("command", TaskCommand(xml));
    }

    /// <summary>The event's fields as Apply writes them: Set/ContainsKey, or append-only (see Apply).</summary>
    private readonly struct Target(Timeline.Core.Events.FieldSet fields, bool appendOnly)
    {
        private readonly int _from = appendOnly ? fields.Count : 0;

        public Timeline.Core.Events.FieldSet Fields => fields;

        public bool Has(string field)
        {
            if (!appendOnly) return fields.ContainsKey(field);
            for (var i = _from; i < fields.Count; i++)
            {
                if (string.Equals(fields.KeyAt(i), field, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        public void Put(string field, string? value)
        {
            if (appendOnly) fields.Add(field, value);
            else fields.Set(field, value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasValue(string field, string value) => value.Length > 0 && value != "-" && !(field == "logon_id" && value == "0x0");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(Target set, string field, string[] sources)
    {
        if (set.Has(field)) return;
        foreach (var source in sources)
        {
            var value = set.Fields.Get(source);
            if (value is null || !HasValue(field, value)) continue;
            set.Put(field, field == "src_ip" ? Address(value) : value);
            return;
        }
    }

    /// <summary>
    /// Just the address: IPv4-mapped IPv6 (<c>::ffff:203.0.113.9</c>) is the IPv4 address, and an address
    /// with a port (RdpCoreTS 131 ClientIP <c>10.23.123.11:36160</c>, <c>[2001:db8::1]:3389</c>) loses the port.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Address(string value)
    {
        if (value.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase) && value.IndexOf('.') > 0) value = value[7..];
        if (value.StartsWith('[') && value.IndexOf(']') is var close and > 0) return value[1..close];
        var colon = value.IndexOf(':');
        if (colon > 0 && colon == value.LastIndexOf(':') && value.IndexOf('.') > 0) return value[..colon];
        return value;
    }

    /// <summary>
    /// A scheduled task's action, from the task XML of Security 4698:
    /// <c>&lt;Exec&gt;&lt;Command&gt;C:\x.exe&lt;/Command&gt;&lt;Arguments&gt;-a&lt;/Arguments&gt;&lt;/Exec&gt;</c> gives <c>C:\x.exe -a</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? TaskCommand(string taskXml)
    {
        var command = Between(taskXml, "<Command>", "</Command>");
        if (command is null) return null;
        var arguments = Between(taskXml, "<Arguments>", "</Arguments>");
        var text = arguments is null ? command : command + " " + arguments;
        return System.Net.WebUtility.HtmlDecode(text.Trim());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0) return null;
        start += open.Length;
        var end = text.IndexOf(close, start, StringComparison.Ordinal);
        return end < 0 ? null : text[start..end];
    }
}
