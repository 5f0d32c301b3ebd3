using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>
/// Crontab files from a triage copy: user spool tables and system tables (<c>/etc/crontab</c>,
/// <c>/etc/cron.d/*</c>). One event per entry (<c>crontab_entry</c>) and per environment line
/// (<c>cron_env</c>), timed by the file's mtime. Lines cron would reject become warnings and are
/// still stored (<c>crontab_invalid</c>): a Redis RDB dump written as a crontab is itself evidence.
/// </summary>
public sealed class CrontabParser : ILogParser
{
    public const string ParserName = ParserNames.Crontab;

    private const int Sure = 85;
    private const int RedisDumpWithEntries = 80;

    public string Name => ParserName;

    public int Sniff(SniffSample sample)
    {
        // A Redis RDB dump saved into a cron directory starts "REDIS0009" and carries newline-padded
        // cron lines among its binary records: the dump shape plus one good entry proves it.
        var redisDump = sample.Head.AsSpan().StartsWith("REDIS00"u8);
        if (sample.LooksBinary && !redisDump) return 0;
        int considered = 0, good = 0, entries = 0;
        var table = CrontabTable.Unknown;
        foreach (var line in sample.Lines)
        {
            if (table == CrontabTable.Unknown && CrontabGrammar.Read(line, CrontabTable.User).Kind == CrontabLineKind.Entry)
                table = CrontabGrammar.GuessTable(line);
            var read = CrontabGrammar.Read(line, table == CrontabTable.System ? CrontabTable.System : CrontabTable.User);
            if (read.Kind == CrontabLineKind.Ignorable) continue;
            considered++;
            if (read.Kind == CrontabLineKind.Entry) entries++;
            if (read.Kind is CrontabLineKind.Entry or CrontabLineKind.Environment) good++;
        }
        if (entries == 0) return 0;
        if (good * 100 >= considered * 70) return Sure;
        return redisDump ? RedisDumpWithEntries : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var (table, owner) = CrontabLocation.Of(source.HostPath);
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            if (table == CrontabTable.Unknown && CrontabGrammar.Read(line.Text, CrontabTable.User).Kind == CrontabLineKind.Entry)
                table = CrontabGrammar.GuessTable(line.Text);
            var read = CrontabGrammar.Read(line.Text, table == CrontabTable.System ? CrontabTable.System : CrontabTable.User);
            if (read.Kind == CrontabLineKind.Ignorable) continue;
            if (read.Kind == CrontabLineKind.Invalid)
                context.Warn(line.Number, $"not a valid crontab line ({read.Problem}); kept as a crontab_invalid event", line.Text);
            var fields = Describe(read, table, owner, source.HostPath);
            yield return FileMtimeEvent.Create(ParserName, source, context, line.Number, line.Text, fields);
        }
    }

    private static FieldSet Describe(CrontabLine read, CrontabTable table, string? owner, string path)
    {
        var fields = new FieldSet(8);
        fields.Set(FieldNames.Event, read.Kind switch
        {
            CrontabLineKind.Entry => PersistenceEvents.CrontabEntry,
            CrontabLineKind.Environment => PersistenceEvents.CrontabEnvironment,
            _ => PersistenceEvents.CrontabInvalid,
        });
        fields.Set(FieldNames.Table, table == CrontabTable.System ? "system" : "user");
        fields.Set(FieldNames.CronUser, table == CrontabTable.System ? read.User : owner);
        if (read.Kind == CrontabLineKind.Environment)
        {
            fields.Set("env_name", read.Schedule);
            fields.Set("env_value", read.Command);
        }
        else
        {
            fields.Set(FieldNames.Schedule, read.Schedule);
            fields.Set(FieldNames.Command, read.Command);
        }
        if (read.DontLog) fields.Set("dont_log", "true");
        fields.Set(FieldNames.Problem, read.Problem);
        fields.Set(FieldNames.Path, path);
        return fields;
    }
}
