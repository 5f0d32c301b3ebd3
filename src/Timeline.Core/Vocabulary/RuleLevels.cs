namespace Timeline.Core.Vocabulary;

/// <summary>
/// The Sigma rule levels in rising order (Sigma specification v2.1, "level": informational, low,
/// medium, high, critical) with their chart colours — the one place the order is spelled. The
/// hunt filter, the hunt summary, the report's rule table and level chart all read it.
/// </summary>
public static class RuleLevels
{
    public const string Informational = "informational";
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    /// <summary>Colours: a light-to-dark severity ramp (Tableau 10 orange and red for medium and high).</summary>
    public static readonly IReadOnlyList<RuleLevel> All =
    [
        new(Informational, "#7f9fbf"),
        new(Low, "#f2c12e"),
        new(Medium, "#ff7f0e"),
        new(High, "#d62728"),
        new(Critical, "#7b0000"),
    ];

    /// <summary>The level names, least severe first.</summary>
    public static readonly IReadOnlyList<string> Ordered = [.. All.Select(l => l.Name)];

    /// <summary>The colour of levels the table does not know (rules may say anything).</summary>
    public const string UnknownColour = "#7f7f7f";

    /// <summary>Position in rising order (informational 0 … critical 4); unknown levels rank as informational.</summary>
    public static int Rank(string? level) => Math.Max(IndexOf(level), 0);

    /// <summary>Position in falling order (critical 0 … informational 4), or null for an unknown level.</summary>
    public static int? Severity(string? level) => IndexOf(level) is var i and >= 0 ? Ordered.Count - 1 - i : null;

    public static bool IsKnown(string? level) => IndexOf(level) >= 0;

    /// <summary>"informational, low, medium, high or critical", for messages.</summary>
    public static string Listed => string.Join(", ", Ordered.Take(Ordered.Count - 1)) + " or " + Ordered[^1];

    private static int IndexOf(string? level)
    {
        if (level is null) return -1;
        for (var i = 0; i < Ordered.Count; i++)
            if (string.Equals(Ordered[i], level, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
