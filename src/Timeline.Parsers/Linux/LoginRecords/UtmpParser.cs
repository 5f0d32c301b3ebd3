using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// utmp, wtmp and btmp (<c>/var/run/utmp</c>, <c>/var/log/wtmp</c>, <c>/var/log/btmp</c>): glibc's
/// fixed-size login records in the 384- or 400-byte layout (<see cref="UtmpLayout"/>), found by record
/// validity (<see cref="UtmpLayoutDetector"/>). One event per record, at its own exact time (seconds +
/// microseconds, UTC); the position is the record number. USER_PROCESS → <c>login</c>, DEAD_PROCESS →
/// <c>logout</c> (paired to its login by line: user, duration, login time), BOOT_TIME → <c>boot</c>,
/// RUN_LVL → <c>shutdown</c> (user <c>shutdown</c>) or <c>runlevel</c>, OLD_TIME/NEW_TIME →
/// <c>clock_change</c>, INIT_PROCESS, LOGIN_PROCESS, ACCOUNTING under their own kinds. Unused slots
/// (all zero) are skipped; EMPTY records that still hold data (a cleared utmp slot) are counted in one
/// warning. A record with an unknown type or microseconds over a second is skipped with a warning
/// giving its number and offset; the rest of the file is read.
/// <para>
/// btmp holds the records login and sshd write when a login <i>failed</i>: LOGIN_PROCESS (OpenSSH,
/// util-linux login) or USER_PROCESS records with the typed user name, the line and the remote host —
/// the same shapes as a getty's or a session's records in utmp/wtmp, so content alone cannot tell
/// them apart. The file name breaks the tie, as
/// <see cref="ILogParser.Sniff"/> allows: a file whose name starts with <c>btmp</c> (<c>btmp</c>,
/// <c>btmp.1</c>, <c>btmp-20240101</c>) gives a <c>login_failed</c> event for each of these records. A btmp renamed to anything
/// else reads as logins; that is the one place the name matters.
/// </para>
/// </summary>
public sealed class UtmpParser : ILogParser
{
    public string Name => ParserNames.Utmp;

    public int Sniff(SniffSample sample) =>
        UtmpLayoutDetector.Detect(sample.Head, sample.Head.Length < FormatDetector.HeadBytes)?.Score ?? 0;

    /// <summary>True when the file is a btmp by its name (see the class summary for why the name).</summary>
    public static bool IsFailedLoginFile(string path) =>
        Path.GetFileName(path.Replace('\\', '/')).StartsWith("btmp", StringComparison.Ordinal);

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var sample = FormatDetector.Sample(source);
        var layout = UtmpLayoutDetector.Detect(sample.Head, sample.Head.Length < FormatDetector.HeadBytes)?.Layout;
        if (layout is null)
        {
            layout = UtmpLayout.Compat32;
            if (sample.Head.Length > 0) context.Warn(0, $"no utmp record layout is valid for this file; read as {layout.Name}");
        }
        var failed = IsFailedLoginFile(source.HostPath) || IsFailedLoginFile(source.Path);
        var sessions = new LoginSessions();
        var host = context.HostFor(null);
        long leftovers = 0;
        using var stream = source.OpenContent();
        foreach (var (number, offset, bytes) in FixedRecordReader.Read(stream, layout.RecordSize, context))
        {
            if (bytes.AsSpan().IndexOfAnyExcept((byte)0) < 0) continue;
            var record = layout.Decode(bytes);
            if (!record.TypeInRange)
            {
                context.Warn(number, $"record {number} at offset {offset}: type {record.Type} is not a utmp record type (0–9); skipped", Preview(record), PositionKind.Record);
                continue;
            }
            if (!record.MicrosecondsInRange)
            {
                context.Warn(number, $"record {number} at offset {offset}: microseconds {record.Microseconds} are not below one second; skipped", Preview(record), PositionKind.Record);
                continue;
            }
            if (record.Kind == UtmpRecordType.Empty)
            {
                leftovers++;
                continue;
            }
            var ticks = record.Seconds == 0 ? null : RecordTime.Ticks(record.Seconds, record.Microseconds);
            if (ticks is null)
                context.Warn(number, $"record {number} at offset {offset}: no usable time (seconds {record.Seconds}); kept in file order", Preview(record), PositionKind.Record);
            else if (!RecordTime.IsPlausible(record.Seconds))
                context.Warn(number, $"record {number} at offset {offset}: time {RecordTime.Iso(ticks.Value)} is outside 1985–2100", Preview(record), PositionKind.Record);
            var fields = Fields(record, failed, ticks, sessions);
            yield return new EventRecord
            {
                Ticks = ticks,
                SortTicks = ticks,
                TimeQuality = ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
                Host = host,
                Parser = Name,
                Message = Message(record, ticks),
                Fields = fields,
                Origin = context.OriginAt(number, PositionKind.Record),
            };
        }
        if (leftovers > 0)
            context.Warn(0, $"{leftovers.ToString("N0", CultureInfo.InvariantCulture)} EMPTY records still hold data (cleared utmp slots); not made events");
    }

    private static FieldSet Fields(UtmpRecord record, bool failed, long? ticks, LoginSessions sessions)
    {
        var line = FixedText.Read(record.Line);
        var user = FixedText.Read(record.User);
        var hostText = FixedText.Read(record.Host);
        var fields = new FieldSet(12);
        var kind = record.Kind switch
        {
            UtmpRecordType.UserProcess or UtmpRecordType.LoginProcess when failed => LoginRecordEvents.LoginFailed,
            UtmpRecordType.UserProcess => LoginRecordEvents.Login,
            UtmpRecordType.DeadProcess => LoginRecordEvents.Logout,
            UtmpRecordType.BootTime => LoginRecordEvents.Boot,
            UtmpRecordType.RunLevel => user == "shutdown" ? LoginRecordEvents.Shutdown : LoginRecordEvents.Runlevel,
            UtmpRecordType.NewTime or UtmpRecordType.OldTime => LoginRecordEvents.ClockChange,
            UtmpRecordType.InitProcess => LoginRecordEvents.InitProcess,
            UtmpRecordType.LoginProcess => LoginRecordEvents.LoginProcess,
            _ => LoginRecordEvents.Accounting,
        };
        fields.Set(FieldNames.Event, kind).Set(LoginRecordFields.RecordType, UtmpRecordTypeNames.Name(record.Kind));
        switch (record.Kind)
        {
            case UtmpRecordType.BootTime:
                // The pseudo-user is "reboot", the line "~", the host the kernel release.
                sessions.Reboot();
                fields.Set(LoginRecordFields.Kernel, hostText);
                break;
            case UtmpRecordType.RunLevel:
                // sysvinit writes the new level in the low byte of ut_pid and the previous one in the next.
                fields.Set(LoginRecordFields.Runlevel, LevelChar(record.Pid & 0xFF))
                    .Set(LoginRecordFields.PreviousRunlevel, LevelChar((record.Pid >> 8) & 0xFF))
                    .Set(LoginRecordFields.Kernel, hostText);
                break;
            case UtmpRecordType.NewTime or UtmpRecordType.OldTime:
                fields.Set(FieldNames.State, record.Kind == UtmpRecordType.OldTime ? "before" : "after");
                break;
            default:
                // utmpdump -r and some writers pad ut_id with spaces.
                fields.Set(FieldNames.Tty, line).Set(LoginRecordFields.TerminalId, FixedText.Read(record.Id).TrimEnd(' '));
                if (record.Pid != 0) fields.Set(FieldNames.Pid, record.Pid.ToString(CultureInfo.InvariantCulture));
                if (record.Session != 0) fields.Set(FieldNames.SessionId, record.Session.ToString(CultureInfo.InvariantCulture));
                LoginSource.Set(fields, hostText, record.Address);
                if (record.Kind == UtmpRecordType.DeadProcess)
                {
                    var login = line.Length == 0 ? null : sessions.End(line);
                    fields.Set(FieldNames.User, user.Length > 0 ? user : login?.User);
                    if (login?.Ticks is { } began)
                    {
                        fields.Set(LoginRecordFields.LoginTime, RecordTime.Iso(began));
                        if (ticks is { } ended) fields.Set(FieldNames.Duration, RecordTime.Duration(ended - began));
                    }
                    if (record.ExitTermination != 0 || record.ExitCode != 0)
                        fields.Set(LoginRecordFields.ExitStatus, $"{record.ExitTermination}/{record.ExitCode}");
                }
                else
                {
                    fields.Set(FieldNames.User, user);
                    if (record.Kind == UtmpRecordType.UserProcess && !failed && line.Length > 0)
                        sessions.Begin(line, new LoginSessions.Open(user, ticks, record.Pid, 0));
                }
                break;
        }
        return fields;
    }

    private static string? LevelChar(int value) => value is > 0x20 and < 0x7F ? ((char)value).ToString() : null;

    /// <summary>
    /// The record as utmpdump prints it, without its column padding:
    /// <c>[type] [pid] [id] [user] [line] [host] [address] [time]</c>.
    /// </summary>
    private static string Message(UtmpRecord record, long? ticks)
    {
        var address = LoginSource.FromAddressField(record.Address) ?? "0.0.0.0";
        var time = ticks is { } t ? RecordTime.Iso(t) : "-";
        return $"[{record.Type}] [{record.Pid:00000}] [{FixedText.Read(record.Id)}] [{FixedText.Read(record.User)}] [{FixedText.Read(record.Line)}] [{FixedText.Read(record.Host)}] [{address}] [{time}]";
    }

    private static string Preview(UtmpRecord record) =>
        $"type={record.Type} pid={record.Pid} line={FixedText.Read(record.Line)} user={FixedText.Read(record.User)} host={FixedText.Read(record.Host)}";
}
