using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Live.Ps;

/// <summary>
/// Streams the rows of process tables (ps, top's task table) as <c>live_process</c> events. A header
/// line starts a table (a file may hold several, e.g. a collector's concatenated outputs); each row
/// after it becomes an event, a line that is not a row gets a warning with its line number and the
/// rest is still read. Blank lines end nothing: ps prints none inside a table.
/// </summary>
public static class ProcessTable
{
    /// <param name="parser">The parser name stamped on the events.</param>
    /// <param name="source">The file.</param>
    /// <param name="context">Settings and the warning sink.</param>
    /// <param name="preamble">Lines that belong to the format but not to the table (top's summary block, repeated with <c>-n 2</c>): skipped without a warning.</param>
    public static IEnumerable<EventRecord> Read(string parser, EvidenceSource source, ParseContext context, Func<string, bool> preamble)
    {
        ProcessHeader? header = null;
        long headerLine = 0, rows = 0;
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (ProcessHeader.TryRead(text) is { } next)
            {
                if (header is not null && rows == 0) context.Warn(headerLine, "the process table has a header but no rows", text);
                header = next;
                headerLine = line.Number;
                rows = 0;
                continue;
            }
            if (preamble(text)) continue;
            if (header is null)
            {
                context.Warn(line.Number, "line before the process table's header is not part of it", text);
                continue;
            }
            var fields = ProcessRow.Read(header, text, out var problem);
            if (fields is null)
            {
                context.Warn(line.Number, "not a process row: " + problem, text);
                continue;
            }
            if (line.Truncated) fields.Set(Core.Vocabulary.FieldNames.Problem, "the row was cut at the line length limit; the command line is incomplete");
            rows++;
            yield return SnapshotEvent.Create(parser, source, context, line.Number, text, fields);
        }
        if (header is null) context.Warn(0, "no process table header (e.g. 'USER PID %CPU … COMMAND' or 'UID PID PPID … CMD') was found");
        else if (rows == 0) context.Warn(headerLine, "the process table has a header but no rows");
    }

    /// <summary>Share (0..100) of the non-empty sniff lines after the first header that read as rows; -1 without a header.</summary>
    public static int RowShare(IReadOnlyList<string> lines, out int headerIndex)
    {
        headerIndex = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (ProcessHeader.TryRead(lines[i]) is not { } header) continue;
            headerIndex = i;
            int seen = 0, rows = 0;
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(lines[j])) continue;
                seen++;
                if (ProcessRow.Read(header, lines[j], out _) is not null || ProcessHeader.TryRead(lines[j]) is not null) rows++;
            }
            return seen == 0 ? 0 : rows * 100 / seen;
        }
        return -1;
    }
}
