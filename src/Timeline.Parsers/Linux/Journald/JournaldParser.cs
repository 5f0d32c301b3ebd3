using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// systemd journal exports, the only record of auth and cron on hosts without rsyslog:
/// <c>journalctl -o export</c> (<see cref="JournalExportReader"/>) and <c>journalctl -o json</c>
/// (<see cref="JournalJsonReader"/>), told apart by content. Entries are streamed one at a time and
/// built by <see cref="JournalEventBuilder"/>: sshd, PAM, sudo, cron … messages become
/// <c>linux/auth</c> / <c>linux/cron</c> events exactly as from auth.log, the rest <c>linux/journald</c>
/// events. An event's position is the line its entry starts on.
/// </summary>
public sealed class JournaldParser : ILogParser
{
    public const string ParserName = JournalEventBuilder.ParserName;

    public string Name => ParserName;

    /// <summary>Every entry carries <c>_HOSTNAME</c>.</summary>
    public bool NamesHost => true;

    /// <summary>
    /// Scored on the first lines (<see cref="JournalFormatSniffer"/>). Binary fields put NUL bytes in
    /// an export, so unlike text formats a binary-looking head is not refused.
    /// </summary>
    public int Sniff(SniffSample sample) => JournalFormatSniffer.Detect(sample.Lines).Score;

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var format = JournalFormatSniffer.Detect(FormatDetector.Sample(source).Lines).Format;
        var builder = new JournalEventBuilder(context, SyslogGrammarTable.Default);
        var entry = new JournalEntry();
        using var stream = source.OpenContent();
        var entries = format == JournalFormat.Json
            ? JournalJsonReader.Read(stream, context, entry)
            : JournalExportReader.Read(stream, context, entry);
        foreach (var read in entries)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            yield return builder.Build(read);
        }
    }
}
