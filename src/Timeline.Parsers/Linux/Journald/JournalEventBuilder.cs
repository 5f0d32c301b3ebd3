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
        var ticks = TicksOf(entry, out var timeSlot);
        if (ticks is not null) _lastTicks = ticks;
        var programSlot = entry.Get(F.SyslogIdentifier) is not null ? F.SyslogIdentifier : F.Comm;
        var pidSlot = entry.Get(F.SyslogPid) is not null ? F.SyslogPid : F.Pid;
        var program = entry.Get(programSlot) ?? "";
        var pid = entry.Get(pidSlot);
        var message = entry.Get(F.Message) ?? "";
        var host = _context.HostFor(entry.Get(F.Hostname));

        // Every journal field ends up in the event: as its time, host or message, under a Timeline
        // name, or else under its own journal name (the slots not shown are added at the end).
        Span<bool> shown = stackalloc bool[F.Count];
        shown[F.Message] = true;
        if (timeSlot >= 0) shown[timeSlot] = true;
        shown[F.Hostname] = host == entry.Get(F.Hostname);
        shown[programSlot] = shown[pidSlot] = true;

        var fields = new FieldSet(16 + entry.Others.Count);
        fields.Set(FieldNames.Program, program);
        fields.Set(FieldNames.Pid, pid);
        var grammar = _grammars.For(program, message);
        var journald = grammar.EventParser == GenericSyslogGrammar.ParserName;
        if (journald)
        {
            var aboutSlot = entry.Get(F.Unit) is not null ? F.Unit : F.UserUnit;
            Show(fields, shown, entry, JournalEventFields.Unit, F.SystemdUnit);
            Show(fields, shown, entry, JournalEventFields.AboutUnit, aboutSlot);
            Show(fields, shown, entry, JournalEventFields.Priority, F.Priority);
            Show(fields, shown, entry, JournalEventFields.Exe, F.Exe);
            Show(fields, shown, entry, JournalEventFields.Cmdline, F.Cmdline);
            Show(fields, shown, entry, JournalEventFields.Uid, F.Uid);
            Show(fields, shown, entry, JournalEventFields.Transport, F.Transport);
        }
        else
        {
            grammar.Read(message, fields);
            // The grammar's own fields win; the journal adds where the process ran from.
            Show(fields, shown, entry, JournalEventFields.Unit, F.SystemdUnit);
            Show(fields, shown, entry, JournalEventFields.Exe, F.Exe);
            Show(fields, shown, entry, JournalEventFields.Cmdline, F.Cmdline);
        }
        Show(fields, shown, entry, JournalEventFields.BootId, F.BootId);
        for (var slot = 0; slot < F.Count; slot++)
        {
            if (!shown[slot] && entry.Get(slot) is { } value) fields.Add(F.Names[slot], value);
        }
        foreach (var (name, value) in entry.Others)
        {
            // journalctl's address of the entry (seqnum id, seqnum, boot, clocks, hash): not a field of it.
            if (name != "__CURSOR") fields.Add(name, value);
        }

        return new EventRecord
        {
            Ticks = ticks,
            TimeQuality = ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
            Host = host,
            Parser = journald ? ParserName : grammar.EventParser,
            Message = Render(program, pid, message),
            Fields = fields,
            Origin = _context.OriginAt(entry.Position, entry.PositionKind),
            SortTicks = ticks ?? _lastTicks,
        };
    }

    /// <summary>Sets a Timeline field from a slot unless the grammar set it already; the slot counts as shown.</summary>
    private static void Show(FieldSet fields, Span<bool> shown, JournalEntry entry, string key, int slot)
    {
        if (fields.ContainsKey(key)) return;
        fields.Set(key, entry.Get(slot));
        shown[slot] = true;
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
    private long? TicksOf(JournalEntry entry, out int slot)
    {
        slot = F.RealtimeTimestamp;
        if (TryTicks(entry.Get(F.RealtimeTimestamp), out var ticks)) return ticks;
        if (entry.Get(F.RealtimeTimestamp) is { } bad)
            Warn(entry, "__REALTIME_TIMESTAMP is not a number of microseconds since 1970", bad);
        slot = F.SourceRealtimeTimestamp;
        if (TryTicks(entry.Get(F.SourceRealtimeTimestamp), out ticks)) return ticks;
        slot = -1;
        Warn(entry, "entry has no usable __REALTIME_TIMESTAMP or _SOURCE_REALTIME_TIMESTAMP; kept untimed, in file order");
        return null;
    }

    private void Warn(JournalEntry entry, string message, string excerpt = "") =>
        _context.Warn(entry.Position, message, excerpt, entry.PositionKind);

    private static bool TryTicks(string? micros, out long ticks)
    {
        ticks = 0;
        if (!long.TryParse(micros, NumberStyles.None, CultureInfo.InvariantCulture, out var us) || us > MaxMicroseconds) return false;
        ticks = DateTime.UnixEpoch.Ticks + us * 10;
        return true;
    }

    private void WarnAboutValues(JournalEntry entry)
    {
        List<string>? omitted = null;
        foreach (var slot in TextSlots)
        {
            if (entry.IsOmitted(slot)) (omitted ??= []).Add(F.Names[slot]);
        }
        if (entry.LossyNames.Count > 0)
            Warn(entry, $"{string.Join(", ", entry.LossyNames.Distinct(StringComparer.Ordinal))} not valid UTF-8; the invalid bytes are kept as \\xNN", entry.Get(F.Message) ?? "");
        if (omitted is not null)
            Warn(entry, $"{string.Join(", ", omitted)} left out by journalctl (null: larger than its 4096-byte JSON limit; export with --all to keep it)");
        if (entry.CutNames.Count > 0)
            Warn(entry, $"{string.Join(", ", entry.CutNames.Distinct(StringComparer.Ordinal))} longer than {JournalEntry.MaxValueBytes:N0} bytes: the first {JournalEntry.MaxValueBytes:N0} bytes are kept, then a marker");
        if (entry.DroppedFields > 0)
            Warn(entry, $"entry has more than {JournalEntry.MaxOtherFields:N0} fields: {entry.DroppedFields:N0} dropped");
    }
}
