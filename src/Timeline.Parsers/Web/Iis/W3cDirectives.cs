using System.Globalization;

namespace Timeline.Parsers.Web.Iis;

/// <summary>
/// The state W3C extended log directives set (W3C Working Draft WD-logfile-960323, as IIS writes it):
/// <c>#Fields:</c> names the space-separated columns of the lines after it, until the next <c>#Fields:</c>
/// (IIS starts a new header block when logging restarts or the field selection changes, so a file may hold
/// several layouts); <c>#Date:</c> is when the block began, the date of lines that have a <c>time</c> but no
/// <c>date</c> column; <c>#Software:</c> names the writer. Other directives (<c>#Version</c>,
/// <c>#Start-Date</c>, <c>#Remark</c>) are read and ignored.
/// </summary>
public sealed class W3cDirectives
{
    /// <summary>The column names in force, null before the first <c>#Fields:</c>.</summary>
    public string[]? Fields { get; private set; }

    /// <summary>UTC ticks of the last <c>#Date:</c>, null when none was seen.</summary>
    public long? BlockDate { get; private set; }

    public string? Software { get; private set; }

    /// <summary>Reads one <c>#…</c> line; returns a problem when a known directive's value cannot be read.</summary>
    public string? Read(string line)
    {
        var colon = line.IndexOf(':');
        if (colon < 0) return null;
        var name = line[1..colon].Trim();
        var value = line[(colon + 1)..].Trim();
        switch (name)
        {
            case "Fields":
                var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 0) return "#Fields: names no field";
                Fields = fields;
                return null;
            case "Date":
                if (DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    BlockDate = date.Ticks;
                    return null;
                }
                return "#Date: is not 'yyyy-MM-dd HH:mm:ss'";
            case "Software":
                Software = value;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="line"/> is a directive of this format (for sniffing).</summary>
    public static bool IsDirective(string line) =>
        line.StartsWith("#Fields: ", StringComparison.Ordinal) || line.StartsWith("#Software: ", StringComparison.Ordinal)
        || line.StartsWith("#Version: ", StringComparison.Ordinal) || line.StartsWith("#Date: ", StringComparison.Ordinal)
        || line.StartsWith("#Start-Date: ", StringComparison.Ordinal) || line.StartsWith("#Remark: ", StringComparison.Ordinal);
}
