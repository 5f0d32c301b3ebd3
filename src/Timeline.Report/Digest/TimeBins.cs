namespace Timeline.Report.Digest;

/// <summary>
/// Regular time bins for charts: the smallest width from a ladder (1 min … 30 days) that covers the
/// range in at most <c>maxBins</c> bins, aligned to whole widths in UTC.
/// </summary>
internal sealed record TimeBins(long StartTicks, long WidthTicks, int Count)
{
    private static readonly TimeSpan[] Ladder =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(365),
    ];

    public static TimeBins Cover(long firstTicks, long lastTicks, int maxBins = 120)
    {
        foreach (var width in Ladder)
        {
            var w = width.Ticks;
            var start = firstTicks / w * w;
            var count = (int)Math.Min(int.MaxValue, (lastTicks - start) / w + 1);
            if (count <= maxBins) return new TimeBins(start, w, count);
        }
        var widest = Ladder[^1].Ticks;
        var s = firstTicks / widest * widest;
        return new TimeBins(s, widest, (int)Math.Min(maxBins, (lastTicks - s) / widest + 1));
    }

    public int IndexOf(long ticks) => (int)Math.Clamp((ticks - StartTicks) / WidthTicks, 0, Count - 1);

    public long StartOf(int index) => StartTicks + index * WidthTicks;

    /// <summary>The width in words, for captions: "1 minute", "6 hours", "1 day".</summary>
    public string WidthText
    {
        get
        {
            var span = TimeSpan.FromTicks(WidthTicks);
            if (span.TotalDays >= 1) return span.TotalDays == 1 ? "1 day" : $"{span.TotalDays:0} days";
            if (span.TotalHours >= 1) return span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours";
            return span.TotalMinutes == 1 ? "1 minute" : $"{span.TotalMinutes:0} minutes";
        }
    }
}
