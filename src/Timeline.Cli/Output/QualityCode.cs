using Timeline.Core.Events;

namespace Timeline.Cli.Output;

/// <summary>One-letter time-quality marks for narrow tables; the legend is printed under them.</summary>
public static class QualityCode
{
    public const string Legend = "time: E exact · Y year inferred · Z zone assumed · M file mtime · O order only (position from the file)";

    public static string Of(TimeQuality q)
    {
        if (q == TimeQuality.Exact) return "E";
        var s = "";
        if (q.HasFlag(TimeQuality.YearInferred)) s += "Y";
        if (q.HasFlag(TimeQuality.ZoneAssumed)) s += "Z";
        if (q.HasFlag(TimeQuality.FileMtime)) s += "M";
        if (q.HasFlag(TimeQuality.OrderOnly)) s += "O";
        return s;
    }
}
