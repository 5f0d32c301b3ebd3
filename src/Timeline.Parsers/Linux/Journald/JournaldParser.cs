using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Journald.Binary;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// The systemd journal, the only record of auth and cron on hosts without rsyslog: binary journal
/// files (<c>*.journal</c>, <c>*.journal~</c>; <see cref="BinaryJournalReader"/>), <c>journalctl -o
/// export</c> (<see cref="JournalExportReader"/>) and <c>journalctl -o json</c>
/// (<see cref="JournalJsonReader"/>), told apart by content. Entries are streamed one at a time and
/// built by <see cref="JournalEventBuilder"/>: sshd, PAM, sudo, cron … messages become
/// <c>linux/auth</c> / <c>linux/cron</c> events exactly as from auth.log, the rest <c>linux/journald</c>
/// events. An event's position is the line its entry starts on (exports) or the byte offset of its
/// ENTRY object (binary files, <see cref="PositionKind.Record"/>).
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
    public int Sniff(SniffSample sample) =>
        BinaryJournalReader.HasSignature(sample.Head) ? 100 : JournalFormatSniffer.Detect(sample.Lines).Score;

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var sample = FormatDetector.Sample(source);
        var builder = new JournalEventBuilder(context, SyslogGrammarTable.Default);
        var entry = new JournalEntry();
        if (BinaryJournalReader.HasSignature(sample.Head))
        {
            foreach (var e in ParseBinary(source, context, builder, entry)) yield return e;
            yield break;
        }
        var format = JournalFormatSniffer.Detect(sample.Lines).Format;
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

    /// <summary>A binary journal, read by offsets: through the content stream when it can seek, else a bounded copy.</summary>
    private static IEnumerable<EventRecord> ParseBinary(EvidenceSource source, ParseContext context, JournalEventBuilder builder, JournalEntry entry)
    {
        using var content = source.OpenContent();
        using var seekable = SeekableContent.From(content, context);
        using var reader = new BinaryJournalReader(seekable, context);
        foreach (var read in reader.Read(entry)) yield return builder.Build(read);
    }
}
