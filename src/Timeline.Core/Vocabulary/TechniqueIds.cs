using System.Text.RegularExpressions;
using Timeline.Core.Findings;

namespace Timeline.Core.Vocabulary;

/// <summary>
/// ATT&amp;CK technique ids as the chain contract spells them (<c>T1053.003</c>), from Sigma tags
/// (<c>attack.t1053.003</c>; Sigma specification, "tags": <c>attack.tXXXX[.XXX]</c>, any case).
/// </summary>
public static class TechniqueIds
{
    private static readonly Regex TechniqueTag = new(@"^attack\.t\d{4}(?:\.\d{3})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The technique ids among the tags, in tag order (repeats kept; callers de-duplicate).</summary>
    public static IEnumerable<string> FromTags(IEnumerable<string> tags)
    {
        foreach (var raw in tags)
        {
            var tag = raw.Trim();
            if (TechniqueTag.IsMatch(tag)) yield return "T" + tag["attack.t".Length..];
        }
    }

    /// <summary>
    /// The technique ids tagged on the rules that matched a step's event: the step's own rules when it
    /// lists any, else every rule on the event (a step built from several events keeps no rule ids).
    /// </summary>
    public static IEnumerable<string> OfRules(string eventId, IReadOnlyList<string> ruleIds, IRuleMatchLookup? matches)
    {
        if (matches is null) return [];
        return matches.Of(eventId).Where(m => ruleIds.Count == 0 || ruleIds.Contains(m.RuleId)).SelectMany(m => FromTags(m.Tags));
    }
}
