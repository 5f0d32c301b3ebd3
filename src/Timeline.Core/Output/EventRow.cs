using System.Globalization;
using System.Text;
using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Core.Output;

/// <summary>
/// The one event row every tabular output shares — <c>query --format csv</c> and the report's CSV
/// export write exactly these columns: the event contract's keys (<c>id</c>, <c>time</c>,
/// <c>timeQuality</c>, <c>host</c>, <c>parser</c>, <c>message</c>, <c>fields</c> as a JSON object),
/// the findings (<c>rules</c>: matched rule titles joined by <c>; </c>, <c>phase</c>) and the
/// provenance (<c>file</c>, <c>sha256</c>, <c>position</c>). Extend at the end, never rename.
/// </summary>
public sealed class EventRow : IEventColumns
{
    public static readonly EventRow Default = new();

    public static readonly IReadOnlyList<string> Columns = ["id", "time", "timeQuality", "host", "parser", "message", "fields", "rules", "phase", "file", "sha256", "position"];

    public IReadOnlyList<string> Names => Columns;

    public IReadOnlyList<string?> Cells(EventRecord e, EventFindings findings)
    {
        var id = e.Id;
        var rules = findings.IsEmpty ? "" : string.Join("; ", findings.RulesOf(id).Select(r => r.Title));
        var phase = findings.IsEmpty ? null : findings.PhaseNameOf(id);
        return
        [
            id, TimeText.Format(e.Ticks), TimeQualityText.Format(e.TimeQuality), e.Host, e.Parser, e.Message,
            FieldsJson(e.Fields), rules, phase, e.Origin.File, e.Origin.Sha256, e.Origin.Position.ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>The parsed fields as one JSON object, in stored order (the <c>fields</c> cell).</summary>
    public static string FieldsJson(FieldSet fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, EventJson.WriterOptions))
        {
            json.WriteStartObject();
            for (var i = 0; i < fields.Count; i++) json.WriteString(fields.KeyAt(i), fields.ValueAt(i));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
