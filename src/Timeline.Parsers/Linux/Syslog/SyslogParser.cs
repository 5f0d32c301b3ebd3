using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Syslog text files (auth.log, secure, syslog, messages, cron) in the traditional, RFC 3339 and
/// RFC 5424 envelopes. The envelope is read here; the message is read by the grammar registered for
/// the program (<see cref="SyslogGrammarTable"/>), whose name becomes the event's parser
/// (<c>linux/auth</c>, <c>linux/cron</c>, else <c>linux/syslog</c>).
/// Every non-blank line becomes an event: lines without a header are kept untimed (order-only), in
/// place, with a warning.
/// </summary>
public sealed class SyslogParser : ILogParser
{
    public const string ParserName = GenericSyslogGrammar.ParserName;

    public string Name => ParserName;

    /// <summary>Every syslog line names its host.</summary>
    public bool NamesHost => true;

    /// <summary>
    /// Share of sniff lines with a valid syslog header, mapped so that a mostly-syslog file wins over
    /// generic text formats: ≥ 90 % → 90, ≥ 60 % → 80, below that half the share.
    /// </summary>
    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        var share = sample.ScoreLines(static line => SyslogEnvelopeReader.TryRead(line, out _));
        return share switch
        {
            >= 90 => 90,
            >= 60 => 80,
            _ => share / 2,
        };
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var builder = new SyslogEventBuilder(source, context, SyslogGrammarTable.Default);
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            // A line of nothing but NULs (a crash's run at the end of the file) holds no event; the reader warned.
            if (string.IsNullOrWhiteSpace(line.Content)) continue;
            yield return builder.Build(line);
        }
    }
}
