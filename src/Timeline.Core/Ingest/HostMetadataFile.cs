using System.Text;

namespace Timeline.Core.Ingest;

/// <summary>
/// <c>/etc/hostname</c> and <c>/etc/timezone</c> in evidence: one line naming the host, or the IANA zone
/// of the host's local clock (Debian's <c>/etc/timezone</c>). They are metadata, not logs: the host
/// names the host-less files of the same evidence, the zone is the zone of its zone-less logs unless
/// --timezone is given. Both are attacker-writable: the value is bounded, must be one printable
/// token, and a zone must be one this machine knows.
/// </summary>
public static class HostMetadataFile
{
    public enum Kind
    {
        None,
        Hostname,
        Timezone,
    }

    private const int MaxBytes = 4096;

    /// <summary>What a path (on the host, or in a folder) is: <c>…/etc/hostname</c> or <c>…/etc/timezone</c>.</summary>
    public static Kind Of(string path)
    {
        var normal = path.Replace('\\', '/');
        if (normal.EndsWith("etc/hostname", StringComparison.Ordinal) && (normal.Length == 12 || normal[^13] == '/')) return Kind.Hostname;
        if (normal.EndsWith("etc/timezone", StringComparison.Ordinal) && (normal.Length == 12 || normal[^13] == '/')) return Kind.Timezone;
        return Kind.None;
    }

    /// <summary>The first line of the content, trimmed, when it is one printable token of at most 253 characters (else null).</summary>
    public static string? Value(Stream content)
    {
        var buffer = new byte[MaxBytes];
        var got = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(buffer, 0, got);
        var line = text.Split('\n')[0].Trim();
        if (line.Length is 0 or > 253 || line.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFFFD')) return null;
        return line;
    }

    public static TimeZoneInfo? Zone(string? value)
    {
        if (value is null) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(value);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
