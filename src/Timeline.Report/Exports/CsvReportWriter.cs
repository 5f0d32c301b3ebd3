using System.Globalization;
using System.Text;
using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Core.Store;
using Timeline.Report.Csv;

namespace Timeline.Report.Exports;

/// <summary>
/// Every event as one RFC 4180 row (CRLF, UTF-8 without BOM, formula injection neutralised). The
/// columns extend those of <c>query --format csv</c> with <c>rules</c> (rule titles, <c>; </c>
/// separated) and <c>phase</c>.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    public static readonly string[] Columns = ["id", "time", "timeQuality", "host", "parser", "message", "fields", "rules", "phase", "file", "sha256", "position"];

    public string Format => "csv";
    public string Extension => "csv";
    public string Description => "every event as a CSV row (RFC 4180, safe to open in a spreadsheet), with rules and phase";

    public void Write(ICaseStore store, Stream output, ReportOptions options)
    {
        var notes = new EventFindings(store);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(CsvText.Row(Columns));
        foreach (var e in notes.Join(store.Events()))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var id = e.Id;
            var rules = notes.IsEmpty ? "" : string.Join("; ", notes.RulesOf(id).Select(r => r.Title));
            var phase = notes.IsEmpty ? null : notes.PhaseNameOf(id);
            writer.WriteLine(CsvText.Row([
                id, TimeText.Format(e.Ticks), TimeQualityText.Format(e.TimeQuality), e.Host, e.Parser, e.Message,
                FieldsJson(e.Fields), rules, phase, e.Origin.File, e.Origin.Sha256, e.Origin.Position.ToString(CultureInfo.InvariantCulture),
            ]));
        }
    }

    private static string FieldsJson(FieldSet fields)
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
