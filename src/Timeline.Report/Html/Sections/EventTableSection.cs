using Timeline.Core.Vocabulary;
using System.Text;
using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Report.Digest;

namespace Timeline.Report.Html.Sections;

/// <summary>
/// The events behind the story: chain events and rule-matched events, each with its file and line.
/// The rows travel as JSON in a <c>&lt;script type="application/json"&gt;</c> block (encoded with
/// <see cref="HtmlText.ScriptData"/>) and the report's script builds the table with
/// <c>textContent</c>, so no row is ever parsed as HTML; filtering and sorting happen in the browser.
/// </summary>
internal static class EventTableSection
{
    public static readonly string[] Columns = ["id", "sort", "time", "quality", "host", "phase", "rules", "level", "message", "file", "line", "sha", "chain"];

    private const int MaxMessage = 1_000;

    public static void Write(HtmlOutput html, CaseDigest d)
    {
        var pass = d.Pass;
        html.Open("section", "card", "event-table").Open("h2").Markup("Events behind the findings").Close("h2");
        if (pass.TableCandidates == 0)
        {
            html.Open("p", "notice").Markup(d.Chains.Count == 0 && d.MatchCount == 0
                ? "No events are linked to a chain or matched by a rule yet, so there is nothing to list here. The full timeline is available with <code>timeline query</code> or the csv/jsonl exports of <code>timeline report</code>."
                : "No chain step or rule hit points at an event that is still in the case.").Close("p");
            html.Close("section").Line();
            return;
        }
        html.Open("p").Markup($"{ReportTime.Count(pass.TableCandidates)} events are part of an attack chain or matched a detection rule")
            .Markup(pass.Table.Count < pass.TableCandidates ? $"; the first {ReportTime.Count(pass.Table.Count)} are listed (chain events first). Export everything with <code>timeline report --format csv</code>." : ".")
            .Markup(" Chain events have a red edge. Click a column title to sort.").Close("p");
        html.Open("div", "filters")
            .Open("input", id: "event-filter", attributes: [("type", "search"), ("placeholder", "filter: any text, e.g. an address or a user"), ("aria-label", "filter events")])
            .Open("label").Markup("phase ").Open("select", id: "event-phase").Markup("<option value=\"\">any</option>");
        foreach (var phase in Enum.GetValues<Core.Findings.AttackPhase>())
            html.Open("option", attributes: ("value", PhaseTable.Name(phase))).Markup(PhaseTable.Name(phase)).Close("option");
        html.Close("select").Close("label")
            .Open("label").Open("input", id: "event-chain-only", attributes: ("type", "checkbox")).Markup(" chain events only").Close("label")
            .Open("span", "muted", "event-shown").Close("span")
            .Close("div");
        html.Markup("<noscript><p class=\"warning\">The event table needs JavaScript; everything above works without it.</p></noscript>");
        html.Open("table", id: "events").Markup("<thead><tr><th>time (UTC)</th><th>time known as</th><th>host</th><th>phase</th><th>rules</th><th>message</th><th>file:line</th></tr></thead>")
            .Open("tbody", id: "event-rows").Close("tbody").Close("table");
        html.Markup("<script type=\"application/json\" id=\"event-data\">").Markup(HtmlText.ScriptData(Json(pass.Table))).Markup("</script>").Line();
        html.Close("section").Line();
    }

    /// <summary>The table data: <c>{"columns":[…],"rows":[[…],…]}</c>; every evidence string passed through <see cref="HtmlText.Shown"/>.</summary>
    public static string Json(IReadOnlyList<TableEvent> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, EventJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("columns");
            foreach (var c in Columns) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in rows)
            {
                var e = row.Event;
                json.WriteStartArray();
                json.WriteStringValue(e.Id);
                json.WriteStringValue(TimeText.Format(e.SortTicks ?? e.Ticks) ?? "");
                json.WriteStringValue(e.Ticks is null && e.SortTicks is { } s ? "≤ " + ReportTime.Cell(s) : ReportTime.Cell(e.Ticks));
                json.WriteStringValue(TimeQualityText.Format(e.TimeQuality));
                json.WriteStringValue(HtmlText.Shown(e.Host, 200));
                json.WriteStringValue(row.Phase is { } p ? PhaseTable.Name(p) : "");
                json.WriteStringValue(HtmlText.Shown(string.Join("; ", row.Rules.Select(r => r.Title)), 500));
                json.WriteStringValue(AttackSection.HighestLevel(row.Rules));
                json.WriteStringValue(HtmlText.Shown(e.Message, MaxMessage));
                json.WriteStringValue(HtmlText.Shown(EvidenceLinks.ShortFile(e.Origin.File), 200));
                json.WriteNumberValue(e.Origin.Position);
                json.WriteStringValue(e.Origin.Sha256.Length >= EventIds.HashPrefixLength ? e.Origin.Sha256[..EventIds.HashPrefixLength].ToLowerInvariant() : "");
                json.WriteBooleanValue(row.InChain);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
