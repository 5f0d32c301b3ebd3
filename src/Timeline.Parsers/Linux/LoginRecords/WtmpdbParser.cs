using System.Globalization;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// wtmpdb (<c>/var/lib/wtmpdb/wtmp.db</c>): the SQLite database pam_wtmpdb writes instead of wtmp on
/// Debian 13 and openSUSE, read through Microsoft.Data.Sqlite from a private copy
/// (<see cref="WtmpdbReader"/>). One row is one session: a USER_PROCESS row gives a <c>login</c> at
/// Login and, once closed, a <c>logout</c> at Logout (user, duration, login time); a BOOT_TIME row a
/// <c>boot</c> (the kernel release is in RemoteHost) and a <c>shutdown</c> at its Logout; a RUNLEVEL
/// row a <c>runlevel</c>. Times are exact (µs). Positions are record numbers derived from the row ID:
/// <c>2 × ID</c> for the row's start event and <c>2 × ID + 1</c> for its end, so both have stable,
/// distinct ids; the ID itself is in the message. Sniff: the SQLite header magic and a table named
/// <c>wtmp</c> in the schema on the first page.
/// </summary>
public sealed class WtmpdbParser : ILogParser
{
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    public string Name => ParserNames.Wtmpdb;

    public int Sniff(SniffSample sample)
    {
        var head = sample.Head.AsSpan();
        if (!head.StartsWith(Magic)) return 0;
        // sqlite_master keeps the CREATE statement as text on page 1.
        var text = Encoding.Latin1.GetString(head);
        return text.Contains("TABLE wtmp(", StringComparison.OrdinalIgnoreCase)
            || text.Contains("TABLE wtmp (", StringComparison.OrdinalIgnoreCase)
            || text.Contains("TABLE \"wtmp\"", StringComparison.OrdinalIgnoreCase) ? 100 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var host = context.HostFor(null);
        using var reader = new WtmpdbReader(source, context);
        foreach (var row in reader.Rows())
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (row.Id is < 0 or > long.MaxValue / 2 - 1)
            {
                context.Warn(0, $"row ID {row.Id} is out of range; skipped");
                continue;
            }
            var (start, end) = Kinds(row.Type);
            if (start is null)
            {
                context.Warn(row.Id * 2, $"row {row.Id}: type {WtmpdbTypes.Name(row.Type)} is not a wtmpdb record type (1–3); skipped", row.User, PositionKind.Record);
                continue;
            }
            var login = Time(row.LoginMicroseconds, row, "Login", context);
            var logout = Time(row.LogoutMicroseconds, row, "Logout", context);
            var message = Message(row, login, logout);
            yield return Event(start, row, login, null, row.Id * 2, message, host, context);
            if (end is not null && logout is not null)
                yield return Event(end, row, logout, login, row.Id * 2 + 1, message, host, context);
        }
    }

    private static (string? Start, string? End) Kinds(long? type) => type switch
    {
        WtmpdbTypes.UserProcess => (LoginRecordEvents.Login, LoginRecordEvents.Logout),
        WtmpdbTypes.BootTime => (LoginRecordEvents.Boot, LoginRecordEvents.Shutdown),
        WtmpdbTypes.Runlevel => (LoginRecordEvents.Runlevel, null),
        _ => (null, null),
    };

    private static long? Time(long? microseconds, WtmpdbRow row, string column, ParseContext context)
    {
        if (microseconds is null) return null;
        var ticks = RecordTime.TicksFromMicroseconds(microseconds.Value);
        if (ticks is null || !RecordTime.IsPlausible(microseconds.Value / 1_000_000))
            context.Warn(row.Id * 2, $"row {row.Id}: {column} {microseconds} µs is {(ticks is null ? "not a representable time" : "outside 1985–2100")}", row.User, PositionKind.Record);
        return ticks;
    }

    private EventRecord Event(string kind, WtmpdbRow row, long? ticks, long? began, long position, string message, string host, ParseContext context)
    {
        var boot = row.Type is WtmpdbTypes.BootTime or WtmpdbTypes.Runlevel;
        var fields = new FieldSet(12)
            .Set(FieldNames.Event, kind)
            .Set(LoginRecordFields.RecordType, WtmpdbTypes.Name(row.Type))
            .Set(FieldNames.SessionId, row.Id.ToString(CultureInfo.InvariantCulture));
        if (boot)
        {
            fields.Set(LoginRecordFields.Kernel, row.RemoteHost);
        }
        else
        {
            fields.Set(FieldNames.User, row.User).Set(FieldNames.Tty, row.Tty).Set(LoginRecordFields.Service, row.Service);
            LoginSource.Set(fields, row.RemoteHost, default);
        }
        if (began is { } b)
        {
            fields.Set(LoginRecordFields.LoginTime, RecordTime.Iso(b));
            if (ticks is { } t) fields.Set(FieldNames.Duration, RecordTime.Duration(t - b));
        }
        if (ticks is null) context.Warn(position, $"row {row.Id}: no {(began is null ? "Login" : "Logout")} time; kept in file order", row.User, PositionKind.Record);
        return new EventRecord
        {
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
            Host = host,
            Parser = Name,
            Message = message,
            Fields = fields,
            Origin = context.OriginAt(position, PositionKind.Record),
        };
    }

    private static string Message(WtmpdbRow row, long? login, long? logout)
    {
        static string At(long? ticks) => ticks is { } t ? RecordTime.Iso(t) : "-";
        return $"wtmp row {row.Id}: {WtmpdbTypes.Name(row.Type)} user={row.User} tty={row.Tty} host={row.RemoteHost} service={row.Service} login={At(login)} logout={At(logout)}";
    }
}
