using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Core.Output;

/// <summary>
/// The public JSON shape of an event (one line of <c>query --format jsonl</c>). Scripts depend on it:
/// extend only, never rename or remove. Keys: id, time, timeQuality, host, parser, message, fields,
/// rules, phase, origin {file, sha256, line|record}, sortTime. Plain UTF-8 JSON: quotes, backslashes
/// and control characters are escaped, other characters are written as they are, so whoever embeds
/// it in HTML or a script must encode it for that context.
/// </summary>
public static class EventJson
{
    /// <summary>Writer options for the contract: readable UTF-8 (no \u002B for '+').</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same escaping for small objects serialised whole (e.g. a <c>--count-by</c> row).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions SerializerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter json, EventRecord e, IReadOnlyList<RuleMatch>? rules = null, string? phase = null)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Id);
        if (e.Ticks is { } t) json.WriteString("time", TimeText.Format(t));
        else json.WriteNull("time");
        json.WriteString("timeQuality", TimeQualityText.Format(e.TimeQuality));
        json.WriteString("host", e.Host);
        json.WriteString("parser", e.Parser);
        json.WriteString("message", e.Message);
        json.WriteStartObject("fields");
        for (var i = 0; i < e.Fields.Count; i++) json.WriteString(e.Fields.KeyAt(i), e.Fields.ValueAt(i));
        json.WriteEndObject();
        json.WriteStartArray("rules");
        foreach (var r in rules ?? [])
        {
            json.WriteStartObject();
            json.WriteString("id", r.RuleId);
            json.WriteString("title", r.Title);
            json.WriteString("level", r.Level);
            json.WriteStartArray("tags");
            foreach (var tag in r.Tags) json.WriteStringValue(tag);
            json.WriteEndArray();
            json.WriteString("author", r.Author);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (phase is null) json.WriteNull("phase");
        else json.WriteString("phase", phase);
        json.WriteStartObject("origin");
        json.WriteString("file", e.Origin.File);
        json.WriteString("sha256", e.Origin.Sha256);
        json.WriteNumber(e.Origin.Kind == PositionKind.Record ? "record" : "line", e.Origin.Position);
        json.WriteEndObject();
        // Where the event sits on the timeline: its time, or for untimed entries the bound the parser gave.
        if (e.SortTicks is { } s) json.WriteString("sortTime", TimeText.Format(s));
        else json.WriteNull("sortTime");
        json.WriteEndObject();
    }

    public static string ToLine(EventRecord e, IReadOnlyList<RuleMatch>? rules = null, string? phase = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions)) Write(json, e, rules, phase);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
