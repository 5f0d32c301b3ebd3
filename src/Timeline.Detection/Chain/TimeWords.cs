using System.Globalization;

namespace Timeline.Detection.Chain;

/// <summary>Times as the chain's prose writes them: ISO 8601 UTC to the second, with <c>Z</c>.</summary>
public static class TimeWords
{
    public static string Of(long? ticks) =>
        ticks is { } t ? new DateTime(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "an unknown time";

    public static string Span(long from, long to)
    {
        var d = TimeSpan.FromTicks(Math.Max(0, to - from));
        return d.TotalHours >= 1 ? $"{d.TotalHours:0.#} h" : d.TotalMinutes >= 1 ? $"{d.TotalMinutes:0.#} min" : $"{d.TotalSeconds:0} s";
    }
}
