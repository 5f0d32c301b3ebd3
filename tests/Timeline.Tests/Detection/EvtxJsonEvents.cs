using System.Globalization;
using System.Text;
using System.Text.Json;
using Timeline.Core.Events;

namespace Timeline.Tests.Detection;

/// <summary>
/// Reads the JSON copies of SigmaHQ regression events (concatenated <c>{"Event": {...}}</c> objects) into
/// records shaped as the EVTX parser will emit them: <c>Parser = windows/evtx</c>, fields Channel, EventID,
/// Provider, Computer and each EventData/UserData value by name.
/// </summary>
internal static class EvtxJsonEvents
{
    public static List<EventRecord> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        var events = new List<EventRecord>();
        var n = 0;
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.TryGetProperty("Event", out var ev)) events.Add(ToRecord(ev, path, ++n));
        }
        return events;
    }

    private static EventRecord ToRecord(JsonElement ev, string path, int position)
    {
        var fields = new FieldSet(24);
        long? ticks = null;
        if (ev.TryGetProperty("System", out var system))
        {
            if (system.TryGetProperty("Provider", out var provider) && provider.TryGetProperty("#attributes", out var pa) && pa.TryGetProperty("Name", out var name))
                fields.Set("Provider", Text(name));
            foreach (var key in new[] { "Channel", "EventID", "Computer", "Level", "Task", "Opcode", "Keywords", "EventRecordID", "Version" })
                if (system.TryGetProperty(key, out var v)) fields.Set(key, Text(v));
            if (system.TryGetProperty("TimeCreated", out var tc) && tc.TryGetProperty("#attributes", out var ta) && ta.TryGetProperty("SystemTime", out var st) &&
                DateTime.TryParse(st.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                ticks = t.Ticks;
        }
        foreach (var section in new[] { "EventData", "UserData" })
            if (ev.TryGetProperty(section, out var data) && data.ValueKind == JsonValueKind.Object) Flatten(data, fields);
        var message = new StringBuilder();
        foreach (var (k, v) in fields) message.Append(k).Append('=').Append(v).Append(' ');
        return new EventRecord
        {
            Ticks = ticks,
            TimeQuality = TimeQuality.Exact,
            Host = fields.Get("Computer") ?? "",
            Parser = "windows/evtx",
            Message = message.ToString().TrimEnd(),
            Fields = fields,
            Origin = new Origin(path, "00000000000000000000", position, PositionKind.Record),
        };
    }

    private static void Flatten(JsonElement obj, FieldSet fields)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Name == "#attributes") continue;
            if (p.Value.ValueKind == JsonValueKind.Object) Flatten(p.Value, fields);
            else fields.Set(p.Name, Text(p.Value));
        }
    }

    private static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Null => "",
        JsonValueKind.Array => string.Join(' ', v.EnumerateArray().Select(Text)),
        _ => v.GetRawText(),
    };
}
