using Timeline.Core.Vocabulary;
using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Syslog;
using F = Timeline.Parsers.Linux.Journald.JournalFields;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// Turns a journal entry into an event. The message goes to the syslog grammar of its program, as
/// a line of auth.log would, so this entry
/// <code>
/// __REALTIME_TIMESTAMP=1709349302481913  _HOSTNAME=web01  SYSLOG_IDENTIFIER=sshd  SYSLOG_PID=2211
/// MESSAGE=Failed password for root from 203.0.113.45 port 51234 ssh2
/// </code>
/// becomes a <c>linux/auth</c> event <c>ssh_failed</c> at 2024-03-02T03:15:02.481913Z on web01 with the
/// message <c>sshd[2211]: Failed password for root from 203.0.113.45 port 51234 ssh2</c>. Messages no
/// grammar claims are <c>linux/journald</c> events.
/// </summary>
public sealed class JournalEventBuilder
{
    public const string ParserName = ParserNames.Journald;

    /// <summary>Largest <c>__REALTIME_TIMESTAMP</c> that is still a <see cref="DateTime"/> (year 9999).</summary>
    private static readonly long MaxMicroseconds = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    private static readonly int[] TextSlots =
        [F.Message, F.SyslogIdentifier, F.Comm, F.Hostname, F.Cmdline, F.Exe, F.SystemdUnit, F.Unit, F.UserUnit];

    private readonly ParseContext _context;
    private readonly SyslogGrammarTable _grammars;
    private long? _lastTicks;

    public JournalEventBuilder(ParseContext context, SyslogGrammarTable grammars)
    {
        _context = context;
        _grammars = grammars;
    }

    public EventRecord Build(JournalEntry entry)
    {
        WarnAboutValues(entry);
        var ticks = TicksOf(entry);
        if (ticks is not null) _lastTicks = ticks;
        var program = entry.Get(F.SyslogIdentifier) ?? entry.Get(F.Comm) ?? "";
        var pid = entry.Get(F.SyslogPid) ?? entry.Get(F.Pid);
        var message = entry.Get(F.Message) ?? "";

        var fields = new FieldSet(12);
        fields.Set(FieldNames.Program, program);
        fields.Set(FieldNames.Pid, pid);
        var grammar = _grammars.For(program, message);
        var journald = grammar.EventParser == GenericSyslogGrammar.ParserName;
        if (journald)
        {
            fields.Set(JournalEventFields.Unit, entry.Get(F.SystemdUnit));
            fields.Set(JournalEventFields.AboutUnit, entry.Get(F.Unit) ?? entry.Get(F.UserUnit));
            fields.Set(JournalEventFields.Priority, entry.Get(F.Priority));
            fields.Set(JournalEventFields.Exe, entry.Get(F.Exe));
            fields.Set(JournalEventFields.Cmdline, entry.Get(F.Cmdline));
            fields.Set(JournalEventFields.Uid, entry.Get(F.Uid));
            fields.Set(JournalEventFields.Transport, entry.Get(F.Transport));
        }
        else
        {
            grammar.Read(message, fields);
            // The grammar's own fields win; the journal adds where the process ran from.
            fields.Set(JournalEventFields.Unit, entry.Get(F.SystemdUnit));
            fields.Set(JournalEventFields.Exe, entry.Get(F.Exe));
            fields.Set(JournalEventFields.Cmdline, entry.Get(F.Cmdline));
        }
        fields.Set(JournalEventFields.BootId, entry.Get(F.BootId));

        return new EventRecord
        {
            Ticks = ticks,
            TimeQuality = ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
            Host = _context.HostFor(entry.Get(F.Hostname)),
            Parser = journald ? ParserName : grammar.EventParser,
            Message = Render(program, pid, message),
            Fields = fields,
            Origin = _context.OriginAt(entry.Line),
            SortTicks = ticks ?? _lastTicks,
        };
    }

    /// <summary>The syslog-like line an analyst expects: <c>sshd[2211]: Failed password …</c>.</summary>
    public static string Render(string program, string? pid, string message)
    {
        if (program.Length == 0) return message;
        var head = pid is null ? program + ":" : string.Concat(program, "[", pid, "]:");
        return message.Length == 0 ? head : string.Concat(head, " ", message);
    }

    /// <summary>
    /// <c>__REALTIME_TIMESTAMP</c> (when journald received the entry, µs since the epoch, UTC), else
    /// <c>_SOURCE_REALTIME_TIMESTAMP</c> (when the sender says it logged it); null with a warning when neither is usable.
    /// </summary>
    private long? TicksOf(JournalEntry entry)
    {
        if (TryTicks(entry.Get(F.RealtimeTimestamp), out var ticks)) return ticks;
        if (entry.Get(F.RealtimeTimestamp) is { } bad)
            _context.Warn(entry.Line, "__REALTIME_TIMESTAMP is not a number of microseconds since 1970", bad);
        if (TryTicks(entry.Get(F.SourceRealtimeTimestamp), out ticks)) return ticks;
        _context.Warn(entry.Line, "entry has no usable __REALTIME_TIMESTAMP or _SOURCE_REALTIME_TIMESTAMP; kept untimed, in file order");
        return null;
    }

    private static bool TryTicks(string? micros, out long ticks)
    {
        ticks = 0;
        if (!long.TryParse(micros, NumberStyles.None, CultureInfo.InvariantCulture, out var us) || us > MaxMicroseconds) return false;
        ticks = DateTime.UnixEpoch.Ticks + us * 10;
        return true;
    }

    private void WarnAboutValues(JournalEntry entry)
    {
        List<string>? lossy = null, omitted = null;
        foreach (var slot in TextSlots)
        {
            if (entry.IsLossy(slot)) (lossy ??= []).Add(F.Names[slot]);
            else if (entry.IsOmitted(slot)) (omitted ??= []).Add(F.Names[slot]);
        }
        if (lossy is not null)
            _context.Warn(entry.Line, $"{string.Join(", ", lossy)} not valid UTF-8; the invalid bytes are kept as \\xNN", entry.Get(F.Message) ?? "");
        if (omitted is not null)
            _context.Warn(entry.Line, $"{string.Join(", ", omitted)} left out by journalctl (null: larger than its 4096-byte JSON limit; export with --all to keep it)");
    }
}
