namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// Tells a lastlog file and its layout by record validity: the records of a window (the head, or
/// for a sparse file the bytes around its first written record) are decoded under each layout of
/// <see cref="LastlogLayout.All"/>; holes (all-zero records) are ignored; the layout under which the
/// most written records are valid wins, and at least one is needed. The wrong width shifts the
/// strings by 4 bytes per record, which breaks their NUL padding; the wrong byte order or width of
/// <c>ll_time</c> gives an implausible time.
/// </summary>
public static class LastlogLayoutDetector
{
    public sealed record Detection(LastlogLayout Layout, int Score);

    /// <param name="window">Bytes of the file starting at <paramref name="windowOffset"/>.</param>
    /// <param name="windowOffset">Where the window starts in the file (records start at multiples of the record size).</param>
    /// <param name="fileLength">The file's length when the window reaches its end, else null.</param>
    public static Detection? Detect(ReadOnlySpan<byte> window, long windowOffset, long? fileLength)
    {
        Detection? best = null;
        foreach (var layout in LastlogLayout.All)
        {
            var size = layout.RecordSize;
            var skip = (int)((size - windowOffset % size) % size);
            if (skip >= window.Length) continue;
            var records = window[skip..];
            int written = 0, valid = 0;
            for (var at = 0; at + size <= records.Length; at += size)
            {
                var record = records.Slice(at, size);
                if (record.IndexOfAnyExcept((byte)0) < 0) continue;
                written++;
                if (layout.LooksValid(record)) valid++;
            }
            if (valid == 0) continue;
            var share = valid * 100 / written;
            var score = share >= 95 ? 90 : share >= 75 ? 75 : 0;
            if (score > 0 && fileLength is { } length && length % size != 0) score -= 20;
            if (score > (best?.Score ?? 0)) best = new Detection(layout, score);
        }
        return best;
    }
}
