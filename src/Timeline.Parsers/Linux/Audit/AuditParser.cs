using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// The Linux kernel audit log (<c>/var/log/audit/audit.log</c>, RAW and ENRICHED formats, with or
/// without <c>node=</c> prefixes): one event per audit event (<see cref="AuditEventJoiner"/>), built by
/// <see cref="AuditEventBuilder"/>. Times are exact UTC (the kernel's epoch seconds and milliseconds).
/// A line that is not a record, a record cut short and an event closed before it was complete are
/// warned with their line; every record still reaches an event.
/// </summary>
public sealed class AuditParser : ILogParser
{
    public string Name => ParserNames.Audit;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        int seen = 0, hit = 0;
        foreach (var line in sample.Lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            seen++;
            if (AuditLine.LooksLikeRecord(line)) hit++;
        }
        if (seen == 0) return 0;
        var share = hit * 100 / seen;
        // "type=… msg=audit(" is unique to this format: as sure as a magic number once most lines have it.
        return share >= 80 ? 97 : share >= 50 ? 90 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var joiner = new AuditEventJoiner();
        var problems = new List<string>();
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var record = AuditLine.TryRead(text, line.Number, out var problem);
            if (record is null)
            {
                context.Warn(line.Number, problem ?? "not an audit record", text);
                continue;
            }
            if (record.Problem is not null) context.Warn(line.Number, record.Problem, text);
            foreach (var closed in joiner.Add(record))
                if (Emit(closed, context, problems) is { } e) yield return e;
        }
        foreach (var open in joiner.Finish())
            if (Emit(open, context, problems) is { } e) yield return e;
    }

    private static EventRecord? Emit(AuditEventJoiner.OpenEvent open, ParseContext context, List<string> problems)
    {
        if (open.Records.Count == 0) return null; // an EOE alone: the end of an event already closed
        problems.Clear();
        var record = AuditEventBuilder.Build(open.Records, context, problems);
        if (open.ClosedEarly is not null) problems.Insert(0, open.ClosedEarly);
        if (open.Late) problems.Insert(0, "records of an event already closed (more than the joining distance later, or past its EOE); read as a separate event");
        foreach (var problem in problems)
            context.Warn(open.FirstLine, $"audit event {open.Key.Serial}: {problem}", open.Records[0].Text);
        return record;
    }
}
