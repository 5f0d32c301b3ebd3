using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Velociraptor;

/// <summary>
/// Velociraptor's result files for its process and socket artifacts (an offline collection's
/// <c>results/Linux.Sys.Pslist.json</c>, <c>results/Linux.Network.Netstat%2FTCP4.json</c>, or a
/// <c>velociraptor query --format jsonl</c> export): JSON lines, one object per row, the keys being the
/// artifact's column names (<see cref="VelociraptorRow"/>). Recognised by those keys in the first
/// lines, never by the file name. Every row becomes the event <c>live/ps</c> or <c>live/ss</c> would make
/// of the same fact, stamped with the collection time (<see cref="SnapshotEvent"/>).
/// A line that is not a JSON object, or an object of another artifact, gets a warning with its line
/// number; the rest is read. Lines are bounded by <see cref="TextLineReader"/>; JSON nesting by the
/// reader's default depth (64), past which the line is warned, not thrown.
/// </summary>
public sealed class VelociraptorResultsParser : ILogParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public string Name => ParserNames.LiveVelociraptor;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        int seen = 0, rows = 0;
        foreach (var line in sample.Lines.Take(20))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            seen++;
            if (line.TrimStart().StartsWith('{') && Classify(line) != VelociraptorRow.Shape.None) rows++;
        }
        if (seen == 0 || rows == 0) return 0;
        return rows * 100 / seen >= 60 ? 94 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var fields = Read(text, out var problem);
            if (fields is null)
            {
                context.Warn(line.Number, problem ?? "not a row", text);
                continue;
            }
            yield return SnapshotEvent.Create(Name, source, context, line.Number, text, fields);
        }
    }

    private static FieldSet? Read(string line, out string? problem)
    {
        try
        {
            using var doc = JsonDocument.Parse(line, Options);
            var shape = VelociraptorRow.Classify(doc.RootElement);
            if (shape == VelociraptorRow.Shape.None)
            {
                problem = doc.RootElement.ValueKind == JsonValueKind.Object
                    ? "a JSON row without the columns of a process or socket artifact (Pid/Ppid/CommandLine/Exe, Laddr/Lport, LocalAddr/LocalPort)"
                    : "not a JSON object";
                return null;
            }
            return VelociraptorRow.Fields(doc.RootElement, shape, out problem);
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + ex.Message;
            return null;
        }
    }

    private static VelociraptorRow.Shape Classify(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line, Options);
            return VelociraptorRow.Classify(doc.RootElement);
        }
        catch (JsonException)
        {
            return VelociraptorRow.Shape.None;
        }
    }
}
