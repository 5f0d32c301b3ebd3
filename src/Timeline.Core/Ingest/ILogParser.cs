using Timeline.Core.Events;

namespace Timeline.Core.Ingest;

/// <summary>
/// A file format. Implementations are found by <see cref="Catalog{T}"/>; nothing to register.
/// To add a format: (1) a class implementing this with a unique <see cref="Name"/> such as
/// <c>linux/audit</c>; (2) a sample and its golden <c>.events.jsonl</c> under <c>sample-logs/linux/audit/</c>;
/// (3) the Sigma mapping <c>sigma/mappings/linux/audit.yml</c>.
/// </summary>
public interface ILogParser
{
    /// <summary>Identity everywhere: sample folder, mapping file, <c>--parser</c> filter.</summary>
    string Name { get; }

    /// <summary>
    /// How sure this parser is that it reads the sample, from content: 0 = not this format;
    /// 100 = magic bytes; text formats score by the share of lines they recognise. The highest score wins.
    /// The file name may break ties only where content alone cannot tell (rc.local is a shell script).
    /// </summary>
    int Sniff(SniffSample sample);

    /// <summary>
    /// Streams the events of one file. Problems go to <see cref="ParseContext.Warn"/>; the parser
    /// must not throw on bad input and must not read the whole file into memory.
    /// </summary>
    IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context);

    /// <summary>
    /// True when the format names the host in every record (syslog, EVTX). Files of formats that do
    /// not (bash history, crontab files) are ingested after these and take the host they name.
    /// </summary>
    bool NamesHost => false;
}
