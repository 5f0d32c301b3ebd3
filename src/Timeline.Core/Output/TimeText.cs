using System.Globalization;

namespace Timeline.Core.Output;

/// <summary>The one spelling of instants in output: ISO 8601 UTC with <c>Z</c> and all 7 tick digits.</summary>
public static class TimeText
{
    public static string Format(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(long? ticks) => ticks is { } t ? Format(t) : null;

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
