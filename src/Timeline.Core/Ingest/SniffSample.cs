using Timeline.Core.Limits;

namespace Timeline.Core.Ingest;

/// <summary>The start of a file as parsers see it when deciding whether they can read it.</summary>
public sealed class SniffSample
{
    public SniffSample(string path, byte[] head, IReadOnlyList<string> lines)
    {
        Path = path;
        Head = head;
        Lines = lines;
    }

    /// <summary>The path as given (for tie-breaks only; detection is by content).</summary>
    public string Path { get; }

    /// <summary>Up to the first 64 KiB of the (decompressed) content.</summary>
    public byte[] Head { get; }

    /// <summary>The first complete text lines of <see cref="Head"/> (at most 200), decoded as UTF-8, CR stripped.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The file name without directories, e.g. <c>.bash_history</c>.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// True when the head is not text: more than <see cref="Bounds.BinaryControlPercent"/> % of its
    /// bytes outside NUL runs are control bytes other than tab, line ends, form feed and escape.
    /// NUL runs alone do not make a file binary: a log after a crash holds them where the file
    /// system extended the file but the data never reached the disk. Record formats (wtmp, journal
    /// files) mix NULs with integers, which are mostly control bytes.
    /// </summary>
    public bool LooksBinary => IsBinary(Head);

    public static bool IsBinary(ReadOnlySpan<byte> head)
    {
        long other = 0, control = 0;
        foreach (var b in head)
        {
            if (b == 0) continue;
            other++;
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C or 0x1B) || b == 0x7F) control++;
        }
        return control * 100 > other * Bounds.BinaryControlPercent;
    }

    /// <summary>Share (0..100) of non-empty sniff lines accepted by <paramref name="accepts"/>.</summary>
    public int ScoreLines(Func<string, bool> accepts)
    {
        int seen = 0, hit = 0;
        foreach (var line in Lines)
        {
            if (line.Length == 0) continue;
            seen++;
            if (accepts(line)) hit++;
        }
        return seen == 0 ? 0 : hit * 100 / seen;
    }
}
