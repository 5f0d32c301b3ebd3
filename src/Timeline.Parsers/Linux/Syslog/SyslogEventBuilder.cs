using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Per-file state of <see cref="SyslogParser"/>: turns lines into events, tracks the year of
/// year-less lines, converts local times, interns repeated strings and keeps untimed lines in place.
/// </summary>
public sealed class SyslogEventBuilder
{
    private readonly EvidenceSource _source;
    private readonly ParseContext _context;
    private readonly SyslogGrammarTable _grammars;
    private readonly LocalTimeConverter _zone;
    private readonly StringPool _pool = new();
    private YearInference? _years;
    private bool _gapWarned;
    private long? _lastTicks;
    private string? _lastHost;
    private int _cachedDateKey = -1;
    private long _cachedDateTicks;

    public SyslogEventBuilder(EvidenceSource source, ParseContext context, SyslogGrammarTable grammars)
    {
        _source = source;
        _context = context;
        _grammars = grammars;
        _zone = new LocalTimeConverter(context.TimeZone);
    }

    public EventRecord Build(TextLine line)
    {
        // The header is read after a leading NUL run (a crash leaves one before the next line); the
        // message keeps the whole line, NULs as \x00.
        var text = line.Content;
        if (!SyslogEnvelopeReader.TryRead(text, out var envelope)) return Headerless(line);

        var host = envelope.HostLength > 0 ? _pool.Get(text.AsSpan(envelope.HostStart, envelope.HostLength)) : null;
        var program = envelope.ProgramLength > 0 ? _pool.Get(text.AsSpan(envelope.ProgramStart, envelope.ProgramLength)) : "";
        var message = text.AsSpan(envelope.MessageStart);
        var fields = new FieldSet();
        fields.Set(FieldNames.Program, program);
        if (envelope.PidLength > 0) fields.Set(FieldNames.Pid, text.Substring(envelope.PidStart, envelope.PidLength));
        if (envelope.Priority >= 0)
        {
            fields.Set(FieldNames.Facility, SyslogPriority.Facility(envelope.Priority));
            fields.Set(FieldNames.Severity, SyslogPriority.Severity(envelope.Priority));
        }
        if (envelope.MsgIdLength > 0) fields.Set(FieldNames.MsgId, text.Substring(envelope.MsgIdStart, envelope.MsgIdLength));
        if (envelope.StructuredDataLength > 0) fields.Set(FieldNames.StructuredData, text.Substring(envelope.StructuredDataStart, envelope.StructuredDataLength));
        var grammar = _grammars.For(program, message);
        grammar.Read(message, fields);

        var ticks = TicksOf(envelope, line, out var quality);
        if (ticks is not null) _lastTicks = ticks;
        _lastHost = host ?? _lastHost;
        return new EventRecord
        {
            Ticks = ticks,
            TimeQuality = quality,
            Host = _context.HostFor(host),
            Parser = grammar.EventParser,
            Message = line.Text,
            Fields = fields,
            Origin = _context.OriginAt(line.Number),
            SortTicks = ticks ?? _lastTicks,
        };
    }

    private EventRecord Headerless(TextLine line)
    {
        _context.Warn(line.Number, "line has no syslog header (timestamp and host); kept as an untimed event in file order", line.Text);
        return new EventRecord
        {
            Ticks = null,
            TimeQuality = TimeQuality.OrderOnly,
            Host = _context.HostFor(_lastHost),
            Parser = SyslogParser.ParserName,
            Message = line.Text,
            Fields = new FieldSet(0),
            Origin = _context.OriginAt(line.Number),
            SortTicks = _lastTicks,
        };
    }

    private long? TicksOf(in SyslogEnvelope envelope, TextLine line, out TimeQuality quality)
    {
        if (envelope.Kind != EnvelopeKind.Traditional)
        {
            quality = envelope.HasTime ? TimeQuality.Exact : TimeQuality.OrderOnly;
            return envelope.HasTime ? envelope.UtcTicks : null;
        }
        _years ??= new YearInference(_context.Year ?? InferBaseYear());
        var year = _years.Next(envelope.Month);
        if (year is < 1 or > 9999 || envelope.Day > DateTime.DaysInMonth(year, envelope.Month))
        {
            _context.Warn(line.Number, $"the date {envelope.Month:00}-{envelope.Day:00} does not exist in the inferred year {year}; the event is kept untimed", line.Text);
            quality = TimeQuality.OrderOnly | TimeQuality.YearInferred | TimeQuality.ZoneAssumed;
            return null;
        }
        quality = TimeQuality.YearInferred | TimeQuality.ZoneAssumed;
        var local = DateTicks(year, envelope.Month, envelope.Day) + envelope.TimeOfDayTicks;
        var utc = _zone.ToUtc(local, out var gapShift);
        if (gapShift && !_gapWarned)
        {
            _gapWarned = true;
            _context.Warn(line.Number, $"local time falls in a daylight-saving gap of {_zone.Zone.Id} (the clock never showed it); shifted forward by the gap (warned once per file)", line.Text);
        }
        return utc;
    }

    private long DateTicks(int year, int month, int day)
    {
        var key = (year * 13 + month) * 32 + day;
        if (key != _cachedDateKey)
        {
            _cachedDateKey = key;
            _cachedDateTicks = new DateTime(year, month, day).Ticks;
        }
        return _cachedDateTicks;
    }

    private int InferBaseYear()
    {
        var modifiedLocal = TimeZoneInfo.ConvertTime(_source.ContentModifiedUtc, _context.TimeZone).DateTime;
        using var stream = _source.OpenContent();
        return YearInference.InferBaseYear(TraditionalMonthScan.Stamps(stream), modifiedLocal) ?? modifiedLocal.Year;
    }
}
