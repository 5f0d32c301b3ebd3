namespace Timeline.Cli.Infrastructure;

/// <summary>Resolves --timezone: an IANA name (Europe/Berlin), a Windows name, or UTC.</summary>
public static class TimeZoneOption
{
    public static bool TryResolve(string? name, out TimeZoneInfo zone, out string error)
    {
        error = "";
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name) || name.Equals("UTC", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"Unknown time zone '{name}'. Use an IANA name such as Europe/Berlin or America/New_York (see /usr/share/zoneinfo), or UTC.";
            return false;
        }
    }
}
