namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Years for year-less (traditional) syslog lines, plaso/dissect style.
/// <para>
/// Walking the file forward, the year goes up by one whenever the month goes <b>backwards by more
/// than one</b> (Dec → Jan). Small backward steps (Apr → May → Apr, from rsyslog's repeated-message
/// reduction or several writers) are tolerated. A late <c>Dec</c> line right after a <c>Jan</c>
/// rollover steps back into the old year, and the next <c>Jan</c> line rolls over again.
/// </para>
/// <para>
/// The base year (the year of the first year-less line) is either given (<c>--year</c>) or inferred
/// from the content's last-write time: a pre-scan counts the rollovers, the last line is placed at or
/// before the mtime, and the rollovers are counted back from there. "At or before" compares the whole
/// stamp (month, day, time), not the month alone: a last line of 31 May read against an mtime of 2 May
/// belongs to the year before. A last line later than the mtime by less than <see cref="ZoneSlack"/>
/// keeps the mtime's year: a zone assumed wrongly or a skewed clock moves times by hours, never by a
/// year, and the ingest warns about events after the mtime.
/// </para>
/// </summary>
public sealed class YearInference
{
    private int _lastMonth;
    private int _relative;

    /// <param name="baseYear">The year of the first year-less line.</param>
    public YearInference(int baseYear) => BaseYear = baseYear;

    public int BaseYear { get; }

    /// <summary>The year of the next year-less line, given its month (1–12), in file order.</summary>
    public int Next(int month)
    {
        _relative = Step(_lastMonth, month, _relative);
        _lastMonth = month;
        return BaseYear + _relative;
    }

    /// <summary>
    /// One step of the walk: the years past the first line after a line of <paramref name="month"/>
    /// follows one of <paramref name="lastMonth"/> (0 = first line).
    /// </summary>
    public static int Step(int lastMonth, int month, int relative)
    {
        if (lastMonth == 0) return relative;
        if (month + 1 < lastMonth) return relative + 1;
        if (lastMonth == 1 && month == 12 && relative > 0) return relative - 1;
        return relative;
    }

    /// <summary>
    /// How far past the mtime the last line may fall and still be read in the mtime's year: 26 hours, the
    /// widest gap between two zones (UTC−12 to UTC+14).
    /// </summary>
    public static readonly TimeSpan ZoneSlack = TimeSpan.FromHours(26);

    /// <summary>
    /// The base year for a file whose year-less lines have the stamps <paramref name="stamps"/> in
    /// file order and whose content was last written at <paramref name="modifiedLocal"/> (wall-clock
    /// time in the analyst's zone). Returns null when there are no lines.
    /// </summary>
    public static int? InferBaseYear(IEnumerable<TraditionalStamp> stamps, DateTime modifiedLocal)
    {
        int lastMonth = 0, relative = 0;
        TraditionalStamp last = default;
        foreach (var stamp in stamps)
        {
            relative = Step(lastMonth, stamp.Month, relative);
            lastMonth = stamp.Month;
            last = stamp;
        }
        if (lastMonth == 0) return null;
        return BaseYearFor(last, relative, modifiedLocal);
    }

    /// <summary>Base year such that the last line (<paramref name="last"/>, <paramref name="lastRelative"/> rollovers in) falls at or before the mtime.</summary>
    public static int BaseYearFor(TraditionalStamp last, int lastRelative, DateTime modifiedLocal)
    {
        var year = modifiedLocal.Year;
        if (year > 1 && last.In(year) - modifiedLocal > ZoneSlack) year--;
        return year - lastRelative;
    }
}
