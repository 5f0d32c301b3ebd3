using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Web.Access;

/// <summary>
/// nginx and Apache access logs (<c>common</c>, <c>combined</c>, <c>vhost_combined</c>, with or without a
/// trailing X-Forwarded-For): one <c>web_request</c> event per line (<see cref="AccessLine"/>). Times carry
/// their offset, so they are exact. The log does not name the host it was written on: events take the
/// analyst's or the evidence's host; the virtual host is a field. Lines that are not access-log lines
/// are warned with their line number and skipped.
/// </summary>
public sealed class AccessLogParser : ILogParser
{
    public string Name => ParserNames.WebAccess;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        var share = sample.ScoreLines(AccessLine.LooksLikeAccessLine);
        // '[dd/Mon/yyyy:HH:MM:SS ±zzzz] "…" 200 123' is unique to this family.
        return share >= 80 ? 95 : share >= 50 ? 85 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var access = AccessLine.TryRead(text, out var problem);
            if (access is null)
            {
                context.Warn(line.Number, "not an access-log line: " + problem, text);
                continue;
            }
            yield return Build(access, text, line.Number, context);
        }
    }

    private static EventRecord Build(AccessLine a, string text, long number, ParseContext context)
    {
        var fields = new FieldSet(16);
        fields.Set(FieldNames.Event, WebEvents.Request);
        fields.Set(FieldNames.SrcIp, a.Client);
        fields.Set(FieldNames.User, a.User);
        RequestLine.Set(fields, a.Request);
        fields.Set(WebFieldNames.Status, a.Status);
        fields.Set(WebFieldNames.Bytes, a.Bytes);
        fields.Set(WebFieldNames.Referer, a.Referer);
        fields.Set(WebFieldNames.UserAgent, a.UserAgent);
        fields.Set(WebFieldNames.ForwardedFor, a.ForwardedFor);
        fields.Set(WebFieldNames.Vhost, a.Vhost);
        fields.Set(WebFieldNames.VhostPort, a.VhostPort);
        fields.Set(WebFieldNames.Extra, a.Extra);
        fields.Set(WebFieldNames.LogFormat, a.Format);
        return new EventRecord
        {
            Ticks = a.Ticks,
            SortTicks = a.Ticks,
            TimeQuality = TimeQuality.Exact,
            Host = context.HostFor(null),
            Parser = ParserNames.WebAccess,
            Message = text,
            Fields = fields,
            Origin = context.OriginAt(number),
        };
    }
}
