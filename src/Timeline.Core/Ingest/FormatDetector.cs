using System.Text;
using Timeline.Core.Limits;

namespace Timeline.Core.Ingest;

/// <summary>
/// Chooses the parser for a file by content: every parser scores the first 64 KiB and the highest
/// score wins (ties go to the parser name in ordinal order, so the choice is stable).
/// A sniff line starts after its leading NUL run, so a log with a crash's NUL run in its head is still
/// recognised by its lines (the reader then keeps the NULs as <c>\x00</c> and warns).
/// </summary>
public sealed class FormatDetector
{
    public const int HeadBytes = Bounds.SniffBytes;
    private const int MaxSniffLines = 200;
    private readonly IReadOnlyList<ILogParser> _parsers;

    public FormatDetector(IEnumerable<ILogParser> parsers) =>
        _parsers = parsers.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<ILogParser> Parsers => _parsers;

    /// <summary>
    /// Reads the head of a source. A damaged compressed stream (truncated, several members, junk
    /// after the end) yields every byte read before the damage: the parse reports the damage.
    /// </summary>
    public static SniffSample Sample(EvidenceSource source)
    {
        var head = new byte[HeadBytes];
        var got = 0;
        try
        {
            using var stream = source.OpenContent();
            while (got < head.Length)
            {
                var n = stream.Read(head, got, head.Length - got);
                if (n <= 0) break;
                got += n;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            // Keep what was read before the damage: `got` counts only completed reads.
        }
        Array.Resize(ref head, got);
        return new SniffSample(source.HostPath, head, SplitLines(head));
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
            AddLine(lines, span[..nl]);
            span = span[(nl + 1)..];
        }
        if (lines.Count == 0 && !span.IsEmpty && head.Length < HeadBytes) AddLine(lines, span);
        return lines;
    }

    // A sniff line starts after a leading NUL run, as the reader reads a header after one.
    private static void AddLine(List<string> lines, ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        var start = line.IndexOfAnyExcept((byte)0);
        lines.Add(Encoding.UTF8.GetString(start < 0 ? [] : line[start..]));
    }
}
