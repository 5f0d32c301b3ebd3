using System.Globalization;
using Timeline.Core.Events;

namespace Timeline.Report.Html;

/// <summary>
/// Links inside the report: to an event row (<c>#ev-&lt;event id&gt;</c>) and to an evidence file
/// (<c>#f-&lt;first 12 hex of its SHA-256&gt;</c>). Never to the evidence path itself: a path from a
/// triage folder is attacker-chosen and could be a <c>javascript:</c> URL.
/// </summary>
internal static class EvidenceLinks
{
    public static string FileAnchor(string sha256) => "f-" + new string(sha256.Take(EventIds.HashPrefixLength).Where(char.IsAsciiHexDigit).ToArray()).ToLowerInvariant();

    public static string EventAnchor(string eventId) => "ev-" + new string(eventId.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());

    public static string ShortFile(string path)
    {
        var name = path.Replace('\\', '/');
        var slash = name.LastIndexOf('/');
        return slash >= 0 && slash < name.Length - 1 ? name[(slash + 1)..] : name;
    }

    /// <summary><c>&lt;a href="#ev-…"&gt;auth.log:64&lt;/a&gt;</c> for a step's origin.</summary>
    public static void Origin(HtmlOutput html, string eventId, Origin origin)
    {
        html.Open("a", attributes: ("href", "#" + EventAnchor(eventId)))
            .Text(ShortFile(origin.File) + (origin.Kind == PositionKind.Record ? " record " : ":") + origin.Position.ToString(CultureInfo.InvariantCulture), 200)
            .Close("a");
    }

    /// <summary>Links to several events by id, comma separated, at most <paramref name="max"/>.</summary>
    public static void Events(HtmlOutput html, IReadOnlyList<string> eventIds, int max = 5)
    {
        for (var i = 0; i < Math.Min(max, eventIds.Count); i++)
        {
            if (i > 0) html.Markup(", ");
            html.Open("a", attributes: ("href", "#" + EventAnchor(eventIds[i]))).Text(eventIds[i], 80).Close("a");
        }
        if (eventIds.Count > max) html.Markup($" and {eventIds.Count - max} more");
    }
}
