namespace Timeline.Core.Events;

/// <summary>
/// Every spelling of <see cref="TimeQuality"/>, in one table:
/// <list type="bullet">
/// <item><see cref="Format"/>: the public code used in JSON, CSV and query (<c>exact</c>, or the set
/// flags joined by commas, e.g. <c>year-inferred,zone-assumed</c>);</item>
/// <item><see cref="Letters"/>: one letter per flag for narrow terminal tables (<c>E</c>, <c>YZ</c>), with <see cref="Legend"/>;</item>
/// <item><see cref="Words"/>: short words for Markdown and terminal (<c>year inferred, zone assumed</c>);</item>
/// <item><see cref="Plain"/>: the words of the HTML report, for readers who are not analysts.</item>
/// </list>
/// </summary>
public static class TimeQualityText
{
    private sealed record Spelling(TimeQuality Flag, string Code, char Letter, string Words, string Plain);

    private static readonly Spelling[] Names =
    [
        new(TimeQuality.YearInferred, "year-inferred", 'Y', "year inferred", "year inferred"),
        new(TimeQuality.ZoneAssumed, "zone-assumed", 'Z', "zone assumed", "time zone assumed"),
        new(TimeQuality.FileMtime, "file-mtime", 'M', "file mtime", "file modification time"),
        new(TimeQuality.OrderOnly, "order-only", 'O', "order only", "no time, order only"),
        new(TimeQuality.Snapshot, "snapshot", 'S', "snapshot", "state seen at collection"),
    ];

    private const string ExactCode = "exact";

    /// <summary>What the letters of <see cref="Letters"/> mean, printed under narrow tables.</summary>
    public static readonly string Legend = "time: E exact · " + string.Join(" · ", Names.Select(n => $"{n.Letter} {n.Words}")) + " (position from the file)";

    private static readonly string[] Cache = BuildCache();

    public static string Format(TimeQuality quality)
    {
        var index = (int)quality;
        return index >= 0 && index < Cache.Length ? Cache[index] : Compose(quality);
    }

    public static bool TryParse(string text, out TimeQuality quality)
    {
        quality = TimeQuality.Exact;
        if (text == ExactCode) return true;
        foreach (var part in text.Split(','))
        {
            var match = Array.Find(Names, n => n.Code == part.Trim());
            if (match is null) return false;
            quality |= match.Flag;
        }
        return true;
    }

    /// <summary>One letter per flag: <c>E</c> for exact, else e.g. <c>YZ</c>.</summary>
    public static string Letters(TimeQuality quality) =>
        quality == TimeQuality.Exact ? "E" : string.Concat(Set(quality).Select(n => n.Letter));

    /// <summary>Short words: <c>exact</c>, or e.g. <c>year inferred, zone assumed</c>.</summary>
    public static string Words(TimeQuality quality) =>
        quality == TimeQuality.Exact ? ExactCode : string.Join(", ", Set(quality).Select(n => n.Words));

    /// <summary>The report's words: <c>exact</c>, or e.g. <c>year inferred, time zone assumed</c>.</summary>
    public static string Plain(TimeQuality quality) =>
        quality == TimeQuality.Exact ? ExactCode : string.Join(", ", Set(quality).Select(n => n.Plain));

    private static IEnumerable<Spelling> Set(TimeQuality quality) => Names.Where(n => quality.HasFlag(n.Flag));

    private static string[] BuildCache()
    {
        var all = new string[32];
        for (var i = 0; i < all.Length; i++) all[i] = Compose((TimeQuality)i);
        return all;
    }

    private static string Compose(TimeQuality quality)
    {
        if (quality == TimeQuality.Exact) return ExactCode;
        return string.Join(',', Set(quality).Select(n => n.Code));
    }
}
