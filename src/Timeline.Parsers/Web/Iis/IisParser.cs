using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Web.Iis;

/// <summary>
/// IIS (and other W3C extended format) logs: one <c>web_request</c> event per data line, read with the
/// <c>#Fields:</c> layout in force at that line (<see cref="W3cDirectives"/>). Every column is kept under its
/// W3C name (<c>cs-uri-stem</c>, <c>cs(User-Agent)</c> …) and the ones web/access also has are normalised
/// to the same names (<c>src_ip</c>, <c>method</c>, <c>path</c>, <c>query</c>, <c>uri</c>, <c>status</c>,
/// <c>user_agent</c> …). IIS writes UTC (<c>date time</c>), so times are exact; a file without a
/// <c>date</c> column takes the date of its <c>#Date:</c> block and moves to the next day when the time
/// goes back. <c>-</c> is an empty value; IIS writes spaces in values as <c>+</c>, which the user agent
/// and referer get back (queries keep them: there <c>+</c> is data, decoded in <c>query_decoded</c>).
/// </summary>
public sealed class IisParser : ILogParser
{
    public string Name => ParserNames.WebIis;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        var fields = false;
        foreach (var line in sample.Lines)
        {
            if (line.StartsWith("#Software: Microsoft Internet Information Services", StringComparison.Ordinal)) return 100;
            if (line.StartsWith("#Fields: ", StringComparison.Ordinal) && (line.Contains(" cs-", StringComparison.Ordinal) || line.Contains(" c-ip", StringComparison.Ordinal))) fields = true;
        }
        // '#Fields: … cs-method …' is the W3C extended format's own header.
        return fields ? 97 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var directives = new W3cDirectives();
        long? lastTicks = null;
        long dayShift = 0;
        var warnedNoFields = false;
        var warnedNoDate = false;
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (text[0] == '#')
            {
                var before = directives.BlockDate;
                if (directives.Read(text) is { } problem) context.Warn(line.Number, problem, text);
                if (directives.BlockDate != before) { dayShift = 0; lastTicks = null; }
                continue;
            }
            if (directives.Fields is not { } names)
            {
                if (!warnedNoFields) context.Warn(line.Number, "data line before any #Fields: directive; lines are skipped until one", text);
                warnedNoFields = true;
                continue;
            }
            var values = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length != names.Length)
            {
                context.Warn(line.Number, $"{values.Length} values for the {names.Length} fields of the #Fields: in force; line skipped", text);
                continue;
            }
            var fields = new FieldSet(names.Length + 12);
            fields.Set(FieldNames.Event, WebEvents.Request);
            string? date = null, time = null, stem = null, query = null;
            for (var i = 0; i < names.Length; i++)
            {
                var value = values[i] == "-" ? null : values[i];
                fields.Add(names[i], value);
                if (value is null) continue;
                switch (names[i])
                {
                    case "date": date = value; break;
                    case "time": time = value; break;
                    case "c-ip": fields.Set(FieldNames.SrcIp, value); break;
                    case "cs-username": fields.Set(FieldNames.User, value); break;
                    case "cs-method": fields.Set(WebFieldNames.Method, value); break;
                    case "cs-uri-stem": stem = value; break;
                    case "cs-uri-query": query = value; break;
                    case "cs-version": fields.Set(WebFieldNames.Protocol, value); break;
                    case "sc-status": fields.Set(WebFieldNames.Status, value); break;
                    case "sc-bytes": fields.Set(WebFieldNames.Bytes, value); break;
                    case "cs(User-Agent)": fields.Set(WebFieldNames.UserAgent, value.Replace('+', ' ')); break;
                    case "cs(Referer)": fields.Set(WebFieldNames.Referer, value.Replace('+', ' ')); break;
                    case "cs-host": fields.Set(WebFieldNames.Vhost, value); break;
                    case "s-sitename": if (fields.Get(WebFieldNames.Vhost) is null) fields.Set(WebFieldNames.Vhost, value); break;
                    case "s-ip": fields.Set(WebFieldNames.ServerIp, value); break;
                    case "s-port": fields.Set(WebFieldNames.ServerPort, value); break;
                    case "time-taken": fields.Set(WebFieldNames.TimeTaken, value); break;
                    case "X-Forwarded-For" or "cs(X-Forwarded-For)" or "x-forwarded-for": fields.Set(WebFieldNames.ForwardedFor, value); break;
                }
            }
            if (stem is not null)
            {
                fields.Set(WebFieldNames.Uri, query is null ? stem : stem + "?" + query);
                RequestFields.SetPathAndQuery(fields, stem, query);
            }
            fields.Set(WebFieldNames.LogFormat, "w3c");

            long? ticks = null;
            if (time is not null)
            {
                if (!TryTime(time, out var timeOfDay))
                    context.Warn(line.Number, $"time '{time}' is not 'HH:mm:ss'", text);
                else if (date is not null)
                {
                    if (DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) ticks = d.Ticks + timeOfDay;
                    else context.Warn(line.Number, $"date '{date}' is not 'yyyy-MM-dd'", text);
                }
                else if (directives.BlockDate is { } block)
                {
                    var day = block - block % TimeSpan.TicksPerDay;
                    var candidate = day + dayShift + timeOfDay;
                    // Past midnight in a block without a date column: the time goes back by most of a day.
                    if (lastTicks is { } last && candidate < last - TimeSpan.TicksPerHour) { dayShift += TimeSpan.TicksPerDay; candidate += TimeSpan.TicksPerDay; }
                    ticks = candidate;
                }
                else if (!warnedNoDate)
                {
                    context.Warn(line.Number, "no date column and no #Date: directive: the times of these lines are unknown (order only)", text);
                    warnedNoDate = true;
                }
            }
            if (ticks is not null) lastTicks = ticks;
            yield return new EventRecord
            {
                Ticks = ticks,
                SortTicks = ticks ?? lastTicks,
                TimeQuality = ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
                Host = context.HostFor(null),
                Parser = ParserNames.WebIis,
                Message = text,
                Fields = fields,
                Origin = context.OriginAt(line.Number),
            };
        }
    }

    /// <summary><c>HH:mm:ss</c> with optional fraction (some writers log milliseconds) → ticks since midnight.</summary>
    private static bool TryTime(string s, out long ticks)
    {
        ticks = 0;
        if (!TimeSpan.TryParseExact(s, ["hh\\:mm\\:ss", "hh\\:mm\\:ss\\.FFFFFFF"], CultureInfo.InvariantCulture, out var t) || t.Ticks >= TimeSpan.TicksPerDay) return false;
        ticks = t.Ticks;
        return true;
    }
}
