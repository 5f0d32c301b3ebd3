using System.Globalization;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>Date parsing for the time-part modifiers: ISO 8601 and the <c>yyyy-MM-dd HH:mm:ss.fff</c> shape of Sysmon's UtcTime.</summary>
public static class TimeParts
{
    public static bool TryParse(string? value, out DateTime time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            time = dto.DateTime;
            return true;
        }
        return false;
    }
}
