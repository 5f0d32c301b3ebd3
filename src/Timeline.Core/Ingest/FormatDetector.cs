using System.Text;

namespace Timeline.Core.Ingest;

/// <summary>
/// Chooses the parser for a file by content: every parser scores the first 64 KiB and the highest
/// score wins (ties go to the parser name in ordinal order, so the choice is stable).
/// </summary>
public sealed class FormatDetector
{
    public const int HeadBytes = 64 * 1024;
    private const int MaxSniffLines = 200;
    private readonly IReadOnlyList<ILogParser> _parsers;

    public FormatDetector(IEnumerable<ILogParser> parsers) =>
        _parsers = parsers.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<ILogParser> Parsers => _parsers;

    /// <summary>Reads the head of a source; a corrupt compressed stream yields what could be read.</summary>
    public static SniffSample Sample(EvidenceSource source)
    {
        var head = new byte[HeadBytes];
        var got = 0;
        try
        {
            using var stream = source.OpenContent();
            got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            // A truncated .gz may still give bytes on a second, smaller read; the parse reports the damage.
            got = 0;
        }
        Array.Resize(ref head, got);
        return new SniffSample(source.Path, head, SplitLines(head));
    }

    public (ILogParser Parser, int Score)? Detect(SniffSample sample)
    {
        (ILogParser Parser, int Score)? best = null;
        foreach (var parser in _parsers)
        {
            var score = parser.Sniff(sample);
            if (score > 0 && (best is null || score > best.Value.Score)) best = (parser, score);
        }
        return best;
    }

    private static List<string> SplitLines(byte[] head)
    {
        var lines = new List<string>();
        var span = head.AsSpan();
        while (lines.Count < MaxSniffLines)
        {
            var nl = span.IndexOf((byte)'\n');
            if (nl < 0) break; // the last, possibly cut line is not used for sniffing
            var line = span[..nl];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            lines.Add(Encoding.UTF8.GetString(line));
            span = span[(nl + 1)..];
        }
        if (lines.Count == 0 && !span.IsEmpty && head.Length < HeadBytes) lines.Add(Encoding.UTF8.GetString(span).TrimEnd('\r'));
        return lines;
    }
}
