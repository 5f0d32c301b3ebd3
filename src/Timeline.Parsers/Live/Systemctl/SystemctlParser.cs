using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Systemctl;

/// <summary>
/// <c>systemctl list-units [--all] [--no-pager]</c> → <c>live_unit</c> and <c>systemctl list-timers
/// [--all]</c> → <c>live_timer</c>, one event per row (<see cref="SystemctlColumns"/>):
/// <code>
///   UNIT                     LOAD      ACTIVE   SUB     DESCRIPTION
///   cron.service             loaded    active   running Regular background program processing daemon
/// ● crtend_b.service         loaded    failed   failed  crtend_b
///
/// LOAD   = Reflects whether the unit definition was properly loaded.
/// …
/// 
/// NEXT                        LEFT     LAST                        PASSED  UNIT             ACTIVATES
/// Thu 2026-12-03 00:00:00 UTC 11h left Wed 2026-12-02 00:00:03 UTC 12h ago apt-daily.timer  apt-daily.service
/// </code>
/// Unit rows: <c>unit</c>, <c>state</c> (<c>ACTIVE SUB</c>), <c>problem</c> when not loaded or failed.
/// Timer rows: <c>unit</c> (the timer), <c>service_name</c> (what it activates), <c>schedule</c> (next
/// run), <c>started</c> (last run). The legend after a blank line (<c>LOAD   = …</c>, <c>N loaded units
/// listed.</c>, <c>Pass --all …</c>) ends the table and makes no events.
/// </summary>
public sealed class SystemctlParser : ILogParser
{
    public string Name => ParserNames.LiveUnits;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        for (var i = 0; i < sample.Lines.Count && i < 5; i++)
        {
            if (SystemctlColumns.TryRead(sample.Lines[i]) is not null) return 92;
        }
        return 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        SystemctlColumns? columns = null;
        var inLegend = false;
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (SystemctlColumns.TryRead(text) is { } next) { columns = next; inLegend = false; continue; }
            if (string.IsNullOrWhiteSpace(text))
            {
                inLegend = columns is not null;
                continue;
            }
            if (inLegend) continue;
            if (columns is null)
            {
                context.Warn(line.Number, "line before the systemctl header is not part of the table", text);
                continue;
            }
            var cells = columns.Cells(text);
            var fields = cells is null ? null : columns.Timers ? Timer(cells) : Unit(cells);
            if (fields is null)
            {
                context.Warn(line.Number, "not a systemctl row: the row is cut short or its unit is missing", text);
                continue;
            }
            yield return SnapshotEvent.Create(Name, source, context, line.Number, text, fields);
        }
    }

    private static FieldSet? Unit(string[] cells)
    {
        // Cell 0 holds the optional mark and the unit name.
        var unit = cells[0].TrimStart('●', '*', ' ');
        if (unit.Length == 0 || unit.Contains(' ', StringComparison.Ordinal)) return null;
        var (load, active, sub) = (cells[1], cells[2], cells[3]);
        var problem = load != "loaded" ? load : active == "failed" ? "failed" : null;
        return new FieldSet(5)
            .Set(FieldNames.Event, LiveStateEvents.Unit)
            .Set(FieldNames.Unit, unit)
            .Set(FieldNames.State, $"{active} {sub}".Trim())
            .Set(FieldNames.Problem, problem);
    }

    private static FieldSet? Timer(string[] cells)
    {
        var (next, last, unit, activates) = (cells[0], cells[2], cells[4], cells[5]);
        if (unit.Length == 0 || unit.Contains(' ', StringComparison.Ordinal)) return null;
        return new FieldSet(5)
            .Set(FieldNames.Event, LiveStateEvents.Timer)
            .Set(FieldNames.Unit, unit)
            .Set(FieldNames.ServiceName, activates)
            .Set(FieldNames.Schedule, next is "n/a" or "-" ? null : next)
            .Set(FieldNames.Started, last is "n/a" or "-" ? null : last);
    }
}
