using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Linux.Syslog;

namespace Timeline.Parsers.Live.Last;

/// <summary>
/// <c>last</c>, <c>last -F</c>, <c>last -Fwix</c> and <c>lastb</c> text output (<see cref="LastRow"/>):
/// one <c>live_login</c> per session — <c>live_failed_login</c> when the trailer says <c>btmp begins</c>
/// — at the session's <b>own</b> login time, not the collection time. last prints local time without a
/// zone (<see cref="TimeQuality.ZoneAssumed"/>, the analyst's --timezone). Without <c>-F</c> there is no
/// year (<see cref="TimeQuality.YearInferred"/>): rows run newest first, so walking the file the year
/// goes down when the month jumps forward (the syslog rule of <see cref="YearInference"/> on
/// mirrored months); the year is anchored on the trailer (the oldest row is not older than
/// <c>wtmp begins</c>) or, without one, on the collection time or the file's mtime (the newest row is
/// not newer). A pre-scan reads the trailer, which comes last. Boot, shutdown and run-level records
/// are counted, not made logins.
/// </summary>
public sealed class LastParser : ILogParser
{
    public string Name => ParserNames.LiveLogins;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        int seen = 0, hit = 0;
        foreach (var line in sample.Lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            seen++;
            if (LastTrailer.TryRead(line) is not null || LastRow.TryRead(line) is not null) hit++;
        }
        if (seen == 0) return 0;
        var share = hit * 100 / seen;
        return share >= 90 ? 86 : share >= 60 ? 74 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var scan = PreScan(source, context);
        var failed = scan.Trailer?.Failed == true;
        var kind = failed ? LiveStateEvents.FailedLogin : LiveStateEvents.Login;
        var newestYear = NewestYear(scan, source, context);
        var skipped = new SkippedRows();
        var converter = new LocalTimeConverter(context.TimeZone);
        int lastMirrored = 0, yearsBack = 0;
        using var stream = source.OpenContent();
        // The pre-scan already warned about the bytes (invalid UTF-8, long lines); the parse reads quietly.
        foreach (var line in TextLineReader.Read(stream, new ParseContext(context.File, context.Sha256)))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text) || LastTrailer.TryRead(text) is not null) continue;
            var row = LastRow.TryRead(text);
            if (row is null)
            {
                context.Warn(line.Number, "not a last row: no login time (weekday month day HH:MM)", text);
                continue;
            }
            // Mirrored months: going back in time, a jump forward (Jan → Dec) is one year back.
            var mirrored = 13 - row.Month;
            yearsBack = YearInference.Step(lastMirrored, mirrored, yearsBack);
            lastMirrored = mirrored;
            if (row.IsSystemRecord)
            {
                skipped.Count("boot, shutdown and run-level records");
                continue;
            }
            var year = row.Year ?? newestYear - yearsBack;
            if (!TryLocal(year, row, out var local))
            {
                context.Warn(line.Number, "the login time is not a valid date", text);
                continue;
            }
            var quality = TimeQuality.ZoneAssumed | (row.Year is null ? TimeQuality.YearInferred : TimeQuality.Exact);
            var ticks = converter.ToUtc(local.Ticks, out var gapShift);
            if (gapShift) context.Warn(line.Number, $"the login time falls in a daylight-saving gap of {context.TimeZone.Id}; it was shifted forward", text);
            var fields = new FieldSet(10)
                .Set(FieldNames.Event, kind)
                .Set(FieldNames.User, row.User)
                .Set(FieldNames.Tty, row.Tty)
                .Set(System.Net.IPAddress.TryParse(row.Host, out _) ? FieldNames.SrcIp : FieldNames.SrcHost, row.Host)
                // lastb prints a failed attempt as a session that ended when it began: no state to keep.
                .Set(FieldNames.State, failed ? null : row.State)
                .Set(FieldNames.Logout, failed ? null : row.Logout)
                .Set(FieldNames.Duration, failed ? null : row.Duration);
            yield return new EventRecord
            {
                Ticks = ticks,
                SortTicks = ticks,
                TimeQuality = quality,
                Host = context.HostFor(null),
                Parser = Name,
                Message = text,
                Fields = fields,
                Origin = context.OriginAt(line.Number),
            };
        }
        skipped.Report(context);
    }

    private sealed record Scan(LastTrailer? Trailer, int NewestMonth, int OldestMonth, int YearsBack);

    private static Scan PreScan(EvidenceSource source, ParseContext context)
    {
        LastTrailer? trailer = null;
        int newest = 0, last = 0, back = 0;
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            if (LastTrailer.TryRead(line.Content) is { } t) { trailer = t; continue; }
            if (LastRow.TryRead(line.Content) is not { } row) continue;
            if (newest == 0) newest = row.Month;
            back = YearInference.Step(last, 13 - row.Month, back);
            last = 13 - row.Month;
        }
        return new Scan(trailer, newest, last == 0 ? 0 : 13 - last, back);
    }

    private static int NewestYear(Scan scan, EvidenceSource source, ParseContext context)
    {
        if (context.Year is { } given) return given;
        if (scan.Trailer is { } trailer && scan.OldestMonth > 0)
        {
            // The oldest row is at or after "wtmp begins"; a month before the trailer's means the next year.
            var oldestYear = scan.OldestMonth >= trailer.Begins.Month ? trailer.Begins.Year : trailer.Begins.Year + 1;
            return oldestYear + scan.YearsBack;
        }
        var anchor = TimeZoneInfo.ConvertTime(context.CollectedAt ?? source.ContentModifiedUtc, context.TimeZone);
        return scan.NewestMonth <= anchor.Month ? anchor.Year : anchor.Year - 1;
    }

    private static bool TryLocal(int year, LastRow row, out DateTime local)
    {
        local = default;
        if (year is < 1 or > 9999 || row.Day < 1 || row.Day > DateTime.DaysInMonth(year, row.Month) || row.Hour > 23 || row.Second > 59) return false;
        local = new DateTime(year, row.Month, row.Day, row.Hour, row.Minute, row.Second, DateTimeKind.Unspecified);
        return true;
    }

}
