using System.Globalization;
using Timeline.Core.Events;

namespace Timeline.Report.Html;

/// <summary>Times as the report shows them to people: <c>2024-03-02 03:15:02 UTC</c>, and time quality in plain words.</summary>
internal static class ReportTime
{
    public static string Of(long? ticks) => ticks is { } t ? new DateTime(t, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "unknown";

    /// <summary>Shorter, for table cells: <c>2024-03-02 03:15:02</c>.</summary>
    public static string Cell(long? ticks) => ticks is { } t ? new DateTime(t, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Percent(double confidence) => Math.Round(Math.Clamp(confidence, 0, 1) * 100).ToString(CultureInfo.InvariantCulture) + "%";

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
