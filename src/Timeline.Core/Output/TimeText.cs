using System.Globalization;

namespace Timeline.Core.Output;

/// <summary>The one spelling of instants in output: ISO 8601 UTC with <c>Z</c> and all 7 tick digits.</summary>
public static class TimeText
{
    public static string Format(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(long? ticks) => ticks is { } t ? Format(t) : null;

    /// <summary>For tables: full precision without trailing zeros, a space for the <c>T</c>: <c>2024-03-02 03:15:40Z</c>, <c>… 03:15:02.481913Z</c>.</summary>
    public static string Short(long ticks)
    {
        var text = Format(ticks).Replace('T', ' ');
        return text[..^1].TrimEnd('0').TrimEnd('.') + "Z";
    }

    /// <summary>
    /// An event's place on the timeline: its time, or <c>≤ </c> and the position its parser gave an
    /// entry with no time of its own (plain bash history), or <paramref name="none"/>.
    /// </summary>
    public static string PositionOf(Events.EventRecord e, bool tableStyle, string none = "")
    {
        Func<long, string> format = tableStyle ? Short : Format;
        return e.Ticks is { } t ? format(t) : e.SortTicks is { } s ? "≤ " + format(s) : none;
    }

    /// <summary>
    /// Parses an analyst-supplied instant: ISO 8601 date or date-time, with or without offset.
    /// Without an offset the time is taken as UTC.
    /// </summary>
    public static bool TryParse(string text, out long ticks)
    {
        ticks = 0;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            ticks = value.UtcTicks;
            return true;
        }
        return false;
    }
}
