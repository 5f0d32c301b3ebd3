using System.Text.Json;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// Recognises a journal export by the first lines of a file. Export: most lines are journal fields
/// (<c>NAME=value</c> or a binary field's bare <c>NAME</c>) and an anchor is present —
/// <c>__CURSOR=</c> or <c>__REALTIME_TIMESTAMP=</c>, or <c>MESSAGE=</c> with one of
/// <c>_HOSTNAME=</c>, <c>SYSLOG_IDENTIFIER=</c>, <c>_PID=</c>, <c>_COMM=</c> — so that an environment
/// file of <c>KEY=value</c> lines is not taken for one. JSON: lines that are objects with a
/// <c>__REALTIME_TIMESTAMP</c> or <c>MESSAGE</c> key.
/// </summary>
public static class JournalFormatSniffer
{
    public static (JournalFormat Format, int Score) Detect(IReadOnlyList<string> lines)
    {
        int nonEmpty = 0, fields = 0, objects = 0;
        bool cursorOrTime = false, message = false, origin = false;
        foreach (var raw in lines)
        {
            var line = raw.AsSpan().TrimStart('\uFEFF').TrimEnd('\r');
            if (line.IsEmpty) continue;
            nonEmpty++;
            var eq = line.IndexOf('=');
            if (JournalFields.IsValidName(eq >= 0 ? line[..eq] : line))
            {
                fields++;
                if (eq < 0) continue;
                var name = line[..eq];
                cursorOrTime |= name is "__CURSOR" or "__REALTIME_TIMESTAMP";
                message |= name is "MESSAGE";
                origin |= name is "_HOSTNAME" or "SYSLOG_IDENTIFIER" or "_PID" or "_COMM";
            }
            else if (IsJournalObject(line))
            {
                objects++;
            }
        }
        if (nonEmpty == 0) return (JournalFormat.None, 0);
        var exportScore = cursorOrTime || (message && origin) ? Score(fields * 100 / nonEmpty) : 0;
        var jsonScore = Score(objects * 100 / nonEmpty);
        if (exportScore == 0 && jsonScore == 0) return (JournalFormat.None, 0);
        return jsonScore > exportScore ? (JournalFormat.Json, jsonScore) : (JournalFormat.Export, exportScore);
    }

    /// <summary>
    /// A share of journal lines to a score above every text-line format (syslog scores at most 90),
    /// so a mostly-journal file is read as one: ≥ 80 % → 95, ≥ 50 % → 85, below that half the share.
    /// </summary>
    private static int Score(int share) => share switch
    {
        >= 80 => 95,
        >= 50 => 85,
        _ => share / 2,
    };

    private static bool IsJournalObject(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length < 2 || line[0] != '{' || line[^1] != '}') return false;
        try
        {
            using var document = JsonDocument.Parse(line.ToString(), new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("__REALTIME_TIMESTAMP", out _) || root.TryGetProperty("MESSAGE", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
