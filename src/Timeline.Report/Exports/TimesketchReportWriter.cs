using System.Globalization;
using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Core.Store;

namespace Timeline.Report.Exports;

/// <summary>
/// Timesketch's JSONL import format (timesketch.org, "Create timeline from JSONL or CSV file"): one
/// object per event with the mandatory <c>message</c>, <c>datetime</c> (ISO 8601 with offset) and
/// <c>timestamp_desc</c>, plus <c>timestamp</c> (microseconds since the Unix epoch, required by older
/// servers), the event's own fields, its provenance and a <c>tag</c> list (chain phase, rule levels,
/// time quality) that Timesketch shows as event tags. Events with no place on the timeline at all
/// (no time and no bound) cannot be imported and are left out. The file name must end in
/// <c>.jsonl</c> for the importer.
/// </summary>
public sealed class TimesketchReportWriter : IReportWriter
{
    /// <summary>Keys this writer sets itself; an event field with one of these names is written as <c>field_&lt;name&gt;</c>.</summary>
    public static readonly IReadOnlySet<string> ReservedKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "message", "datetime", "timestamp", "timestamp_desc", "tag", "data_type", "hostname", "parser", "event_id",
        "time_quality", "source_file", "sha256", "line", "record", "rule_titles", "rule_ids", "rule_levels", "phase",
    };

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    public string Format => "timesketch";
    public string Extension => "jsonl";
    public string Description => "Timesketch JSONL import (message, datetime, timestamp_desc, fields, tags)";

    public void Write(ICaseStore store, Stream output, ReportOptions options)
    {
        var notes = new EventFindings(store);
        // Timesketch needs a datetime. Lines before a file's first timed line have no timeline position
        // at all; rather than drop them, they are placed at their file's modification time and say so.
        var fileTimes = store.Files().ToDictionary(f => f.Sha256, f => f.ModifiedTicks, StringComparer.Ordinal);
        EventLines.Write(notes.Join(store.Events()), output, options.Cancellation, (json, e) =>
        {
            if ((e.Ticks ?? e.SortTicks) is { } t) WriteEvent(json, e, t, notes, TimestampDescription(e));
            else WriteEvent(json, e, fileTimes.GetValueOrDefault(e.Origin.Sha256), notes, UnplacedDescription);
            return true;
        });
    }

    /// <summary>The timestamp_desc of an entry with no time and no position: placed at its file's mtime.</summary>
    public const string UnplacedDescription = "File modification time (the entry has no time and no position of its own)";

    /// <summary>What the time of an event means, in Timesketch's words ("Time written", "Last modified", …).</summary>
    public static string TimestampDescription(EventRecord e)
    {
        if (e.Ticks is null) return "Timeline position (no time in the source)";
        var q = e.TimeQuality;
        if (q.HasFlag(TimeQuality.FileMtime)) return "File modification time";
        if (q == TimeQuality.Exact) return "Event time";
        // Only the year and zone qualify a time the event carried itself.
        return "Event time (" + TimeQualityText.Words(q & (TimeQuality.YearInferred | TimeQuality.ZoneAssumed)) + ")";
    }

    private static void WriteEvent(Utf8JsonWriter json, EventRecord e, long ticks, EventFindings notes, string timestampDescription)
    {
        var id = e.Id;
        var rules = notes.IsEmpty ? [] : notes.RulesOf(id);
        var phase = notes.IsEmpty ? null : notes.PhaseNameOf(id);
        json.WriteStartObject();
        json.WriteString("message", e.Message);
        json.WriteString("datetime", new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
        json.WriteNumber("timestamp", (ticks - UnixEpochTicks) / 10);
        json.WriteString("timestamp_desc", timestampDescription);
        json.WriteString("data_type", "timeline:" + e.Parser.Replace('/', ':'));
        json.WriteString("hostname", e.Host);
        json.WriteString("parser", e.Parser);
        json.WriteString("event_id", id);
        json.WriteString("time_quality", TimeQualityText.Format(e.TimeQuality));
        json.WriteString("source_file", e.Origin.File);
        json.WriteString("sha256", e.Origin.Sha256);
        json.WriteNumber(e.Origin.Kind == PositionKind.Record ? "record" : "line", e.Origin.Position);
        for (var i = 0; i < e.Fields.Count; i++)
        {
            var key = e.Fields.KeyAt(i);
            json.WriteString(ReservedKeys.Contains(key) || key.StartsWith("__", StringComparison.Ordinal) ? "field_" + key : key, e.Fields.ValueAt(i));
        }
        if (rules.Count > 0)
        {
            json.WriteString("rule_titles", string.Join("; ", rules.Select(r => r.Title)));
            json.WriteString("rule_ids", string.Join("; ", rules.Select(r => r.RuleId)));
            json.WriteString("rule_levels", string.Join("; ", rules.Select(r => r.Level).Distinct(StringComparer.Ordinal)));
        }
        if (phase is not null) json.WriteString("phase", phase);
        json.WriteStartArray("tag");
        if (phase is not null)
        {
            json.WriteStringValue("attack-chain");
            json.WriteStringValue("phase:" + phase);
        }
        foreach (var level in rules.Select(r => r.Level).Distinct(StringComparer.Ordinal)) json.WriteStringValue("sigma:" + level);
        if (e.TimeQuality != TimeQuality.Exact) json.WriteStringValue("time:" + TimeQualityText.Format(e.TimeQuality).Replace(',', '+'));
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
