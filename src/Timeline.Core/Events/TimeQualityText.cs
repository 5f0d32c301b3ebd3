namespace Timeline.Core.Events;

/// <summary>
/// The public spelling of <see cref="TimeQuality"/> used in JSON, CSV and tables:
/// <c>exact</c>, or the set flags joined by commas, e.g. <c>year-inferred,zone-assumed</c>.
/// </summary>
public static class TimeQualityText
{
    private static readonly (TimeQuality Flag, string Text)[] Names =
    [
        (TimeQuality.YearInferred, "year-inferred"),
        (TimeQuality.ZoneAssumed, "zone-assumed"),
        (TimeQuality.FileMtime, "file-mtime"),
        (TimeQuality.OrderOnly, "order-only"),
    ];

    private static readonly string[] Cache = BuildCache();

    public static string Format(TimeQuality quality)
    {
        var index = (int)quality;
        return index >= 0 && index < Cache.Length ? Cache[index] : Compose(quality);
    }

    public static bool TryParse(string text, out TimeQuality quality)
    {
        quality = TimeQuality.Exact;
        if (text == "exact") return true;
        foreach (var part in text.Split(','))
        {
            var match = Array.Find(Names, n => n.Text == part.Trim());
            if (match.Text is null) return false;
            quality |= match.Flag;
        }
        return true;
    }

    private static string[] BuildCache()
    {
        var all = new string[16];
        for (var i = 0; i < all.Length; i++) all[i] = Compose((TimeQuality)i);
        return all;
    }

    private static string Compose(TimeQuality quality)
    {
        if (quality == TimeQuality.Exact) return "exact";
        return string.Join(',', Names.Where(n => quality.HasFlag(n.Flag)).Select(n => n.Text));
    }
}
