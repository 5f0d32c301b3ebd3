namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// Tells a utmp/wtmp/btmp file and its layout by record validity, never by name: every layout of
/// <see cref="UtmpLayout.All"/> decodes the whole records of the head, all-zero records (unused slots)
/// are ignored, and the layout under which the most of the rest are valid (<see cref="UtmpRecord.LooksValid"/>)
/// wins. A wrong layout reads types out of strings and seconds out of 64-bit fields, so its share
/// collapses after the first record. At least one non-EMPTY valid record is needed (an all-zero file
/// is no evidence of anything). When the head is the whole file, a size that is not a multiple of the
/// record size lowers the score: a wtmp cut while being copied is still read, with a warning.
/// </summary>
public static class UtmpLayoutDetector
{
    public sealed record Detection(UtmpLayout Layout, int Score, int Records);

    public static Detection? Detect(ReadOnlySpan<byte> head, bool headIsWholeFile)
    {
        Detection? best = null;
        foreach (var layout in UtmpLayout.All)
        {
            var records = head.Length / layout.RecordSize;
            if (records == 0) continue;
            int considered = 0, valid = 0, meaningful = 0;
            for (var i = 0; i < records; i++)
            {
                var bytes = head.Slice(i * layout.RecordSize, layout.RecordSize);
                if (bytes.IndexOfAnyExcept((byte)0) < 0) continue;
                considered++;
                var record = layout.Decode(bytes);
                if (!record.LooksValid) continue;
                valid++;
                if (record.Kind != UtmpRecordType.Empty) meaningful++;
            }
            if (meaningful == 0) continue;
            var share = valid * 100 / considered;
            var score = share >= 95 ? 92 : share >= 75 ? 80 : share >= 50 ? 60 : 0;
            if (score > 0 && headIsWholeFile && head.Length % layout.RecordSize != 0) score -= 10;
            if (score > (best?.Score ?? 0)) best = new Detection(layout, score, records);
        }
        return best;
    }
}
