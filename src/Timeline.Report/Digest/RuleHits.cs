using Timeline.Core.Findings;

namespace Timeline.Report.Digest;

/// <summary>
/// One rule that matched and how often (a representative match carries title, level, tags and
/// author). Tallied from one streamed pass over the matches, so the report never holds them all.
/// </summary>
internal sealed record RuleHits(RuleMatch Rule, long Hits)
{
    public static IReadOnlyList<RuleHits> Tally(IEnumerable<RuleMatch> matches)
    {
        var byRule = new Dictionary<string, (RuleMatch First, long Hits)>(StringComparer.Ordinal);
        foreach (var m in matches)
            byRule[m.RuleId] = byRule.TryGetValue(m.RuleId, out var seen) ? (seen.First, seen.Hits + 1) : (m, 1);
        return byRule.Values.Select(v => new RuleHits(v.First, v.Hits)).OrderBy(r => r.Rule.RuleId, StringComparer.Ordinal).ToList();
    }
}
